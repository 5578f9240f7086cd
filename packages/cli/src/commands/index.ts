import type { Command } from "../command.js";
import { appendCommand } from "./append.js";
import { auditCommand } from "./audit.js";
import { completionCommand } from "./completion.js";
import { diffCommand } from "./diff.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { figuresCommand } from "./figures.js";
import { initCommand } from "./init.js";
import { repairCommand } from "./repair.js";
import { replayCommand } from "./replay.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { snapshotCommand } from "./snapshot.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";

/** Every `tertial` command, in the order `tertial --help` lists them. A new command is one file, added here. */
export const commands: readonly Command[] = [initCommand, appendCommand, validateCommand, verifyCommand, repairCommand, replayCommand, reportCommand, snapshotCommand, diffCommand, auditCommand, figuresCommand, exportCommand, importCommand, schemaCommand, completionCommand];
