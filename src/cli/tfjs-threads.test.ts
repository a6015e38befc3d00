import { describe, expect, it } from 'vitest';
import { coresToReport, workerScriptForNode } from './tfjs-threads';

describe('workerScriptForNode', () => {
  it("points the worker's import of the Emscripten module at a file", () => {
    const source = 'a();var objectUrl=URL.createObjectURL(b);importScripts(objectUrl);c()';
    expect(workerScriptForNode(source, '/x/"m".js')).toBe(
      'a();var objectUrl=URL.createObjectURL(b);importScripts("/x/\\"m\\".js");c()',
    );
  });

  it('fails when the worker script no longer has the import it patches', () => {
    expect(() => workerScriptForNode('importScripts(url)', '/m.js')).toThrow(/no longer contains/);
  });
});

describe('coresToReport', () => {
  it('reports twice the threads asked, since TF.js uses half the logical cores', () => {
    expect(coresToReport(2, 2)).toBe(4);
    expect(coresToReport(1, 2)).toBe(2);
  });

  it('never reports fewer cores than the machine has', () => {
    expect(coresToReport(2, 16)).toBe(16);
  });
});
