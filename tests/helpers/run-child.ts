import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A child process running tests/helpers/lock-child.ts, with its output and a wait for a word in it. */
export type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null>; said: (word: string) => Promise<void> };

export function runChild(children: ChildProcess[], ...args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'helpers', 'lock-child.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const waiting: { word: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiting) if (output.includes(w.word)) w.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    said: (word) => new Promise((resolve) => (output.includes(word) ? resolve() : waiting.push({ word, resolve }))),
  };
}

