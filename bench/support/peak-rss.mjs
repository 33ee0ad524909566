/**
 * Preloaded (`node --import`) into every whole-process run: writes the process's peak resident set
 * size, in kilobytes, to the file named by BENCH_RSS_FILE when it exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
