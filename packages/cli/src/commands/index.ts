import type { Command } from "../command.js";
import { appendCommand } from "./append.js";
import { initCommand } from "./init.js";
import { replayCommand } from "./replay.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every `tertial` command, in the order `tertial --help` lists them. */
export const commands: readonly Command[] = [initCommand, appendCommand, validateCommand, verifyCommand, replayCommand, schemaCommand];
