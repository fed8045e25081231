// Where PostgreSQL's client and server programs are on this machine (the distribution's
// versioned folders first, newest version first), for backups and the tests' throwaway servers.
import fs from "node:fs";

export function findPgBin(name: string): string {
  const candidates = [
    ...(fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin/${name}`)
      : []),
    `/usr/local/bin/${name}`,
    `/usr/bin/${name}`,
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`PostgreSQL's ${name} was not found: install the postgresql package (see .ci/run).`);
  return found;
}
