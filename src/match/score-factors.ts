/** The running factors of one topic's score: in full for the answer, conflicts gently for suggestions. */
export class Factors {
  factor = 1;
  loose = 1;
  constructor(readonly relaxed: number) {}
  conflict(f: number): void {
    this.factor *= f;
    this.loose *= Math.max(f, this.relaxed);
  }
  scale(f: number): void {
    this.factor *= f;
    this.loose *= f;
  }
}
