import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The bytes of `path` below `folder`, if `path` is relative, `/`-separated, free of `.`, `..` and
 * empty segments, and every segment along it is a real folder or, at the end, a regular file: no
 * symbolic link is followed, so nothing outside `folder` is ever read. Otherwise undefined.
 */
export function fileInside(folder: string, path: string): Buffer | undefined {
  const segments = path.split("/");
  if (path.startsWith("/") || path.includes("\\") || path.includes("\0") || segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  let current = folder;
  try {
    for (const [index, segment] of segments.entries()) {
      current = join(current, segment);
      const stats = lstatSync(current);
      const last = index === segments.length - 1;
      if (last ? !stats.isFile() : !stats.isDirectory()) return undefined;
    }
    return readFileSync(current);
  } catch {
    return undefined;
  }
}
