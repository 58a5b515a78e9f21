// Parse mermaid files with mermaid's own parser (no browser): exit 1 on the first error.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`ok ${file}`);
  } catch (error) {
    failed += 1;
    console.log(`FAILED ${file}: ${String(error.message || error).split("\n").slice(0, 3).join(" ")}`);
  }
}
process.exit(failed ? 1 : 0);
