import type { Command } from "../command.js";
import { appendCommand } from "./append.js";
import { auditCommand } from "./audit.js";
import { diffCommand } from "./diff.js";
import { figuresCommand } from "./figures.js";
import { initCommand } from "./init.js";
import { replayCommand } from "./replay.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every `tertial` command, in the order `tertial --help` lists them. */
export const commands: readonly Command[] = [initCommand, appendCommand, validateCommand, verifyCommand, replayCommand, reportCommand, diffCommand, auditCommand, figuresCommand, schemaCommand];
