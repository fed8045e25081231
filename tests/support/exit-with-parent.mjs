// Preloaded into server processes the tests start: if the test worker that started
// this process dies without stopping it, stop too rather than linger as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid === parent) return;
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => process.exit(1), 10_000).unref();
}, 1_000).unref();
