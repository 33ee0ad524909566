/**
 * Preloaded (`node --import`) into every whole-process run: writes the process's peak resident set
 * size (kB) and the CPU time of all its threads (user + system, ms) as JSON to the file named by
 * BENCH_RSS_FILE when it exits. CPU time is steadier than wall time on a busy machine; it leaves
 * out the database server's own work.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ rssKb: process.resourceUsage().maxRSS, cpuMs: (user + system) / 1000 }));
  });
}
