import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** One evaluation story: a data folder beside `data/`, its document texts, and its questions. */
export interface EvalStory {
  name: string;
  dataDir: string;
  textsDir: string;
  questions: string;
  messages: string;
}

/** The invented stories under `test/eval/stories/`, in name order (see its README). */
export function findEvalStories(root = "test/eval/stories"): EvalStory[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, "questions.yml")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      dataDir: path.join(root, name),
      textsDir: path.join(root, name, "texts"),
      questions: path.join(root, name, "questions.yml"),
      messages: path.join(root, name, "messages.yml"),
    }));
}

/** The seed story's question sets: written before tuning (questions, holdout) and later, blind. */
export const seedQuestionSets = [
  "test/eval/questions.yml",
  "test/eval/holdout.yml",
  "test/eval/blind3.yml",
  "test/eval/blind4.yml",
  "test/eval/blind5.yml",
  "test/eval/blind6.yml",
] as const;
