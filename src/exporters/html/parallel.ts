/**
 * Rendering note bodies on a second thread. markdown-it is most of an HTML
 * export's time and runs on one core; hugo builds on all of them. A worker
 * thread runs this same module: it rebuilds the site model from the notes
 * (paths and links come out the same: the model is deterministic), then it
 * and the main thread take notes from one shared counter until none are
 * left. The worker sends its bodies back in batches, then the links it
 * could not resolve and the images the bodies show (the main thread copies
 * those).
 *
 * Only from the build, where this module is also its own bundle
 * (dist/render-worker.cjs, see scripts/build.mjs); under the TypeScript
 * sources (tests) there is no worker and everything renders on one thread.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import type { ExportInput } from '../types.js';
import type { Note } from '../../core/note.js';
import { createRenderer } from './markdown.js';
import { buildModel } from './site.js';

/** The worker bundle's file name, beside the main bundle; set by the build only. */
declare const __NOTES_RENDER_WORKER__: string | undefined;

interface Job {
  notesHtmlWorker: true;
  notes: Note[];
  notebook: ExportInput['notebook'];
  now: number;
  stripEmails: boolean;
  /** The shared counter: the index (in the model's note order) of the next body to render. */
  next: Int32Array;
}

type Message =
  | { kind: 'bodies'; bodies: [number, string][] }
  | { kind: 'done'; missing: string[]; images: string[] };

export interface WorkerResult {
  missing: string[];
  /** Notebook-relative images the bodies show. */
  images: string[];
}

const EMPTY = new Uint8Array(0);
const BATCH = 64;

/** The worker's side. */
function work(job: Job): void {
  const images = new Set<string>();
  const problems = { missing: new Set<string>() };
  const input: ExportInput = {
    notes: job.notes,
    notebook: job.notebook,
    now: new Date(job.now),
    stripEmails: job.stripEmails,
    // An image is taken to exist here; the main thread copies it, or finds it
    // missing (the page then shows a broken image, as the note did).
    resources: { packageFile: () => '', notebookFile: (rel) => { images.add(rel); return EMPTY; } },
  };
  const site = buildModel(input, createRenderer(), { write: () => {} }, problems);
  const total = site.notes.length;
  let batch: [number, string][] = [];
  for (let i = Atomics.add(job.next, 0, 1); i < total; i = Atomics.add(job.next, 0, 1)) {
    batch.push([i, site.bodyHtml(site.notes[i]!)]);
    if (batch.length === BATCH) { parentPort!.postMessage({ kind: 'bodies', bodies: batch } satisfies Message); batch = []; }
  }
  if (batch.length) parentPort!.postMessage({ kind: 'bodies', bodies: batch } satisfies Message);
  parentPort!.postMessage({ kind: 'done', missing: [...problems.missing], images: [...images] } satisfies Message);
}

if (!isMainThread && (workerData as Job | undefined)?.notesHtmlWorker) work(workerData as Job);

/**
 * Starts a worker that renders bodies taken from `next`, handing each to
 * `onBody`; null when no worker can run (from the TypeScript sources). The
 * promise rejects when the worker fails: the bodies it did not send are then
 * rendered by the caller.
 */
export function renderInWorker(input: ExportInput, next: Int32Array, onBody: (index: number, html: string) => void): Promise<WorkerResult> | null {
  if (typeof __NOTES_RENDER_WORKER__ !== 'string') return null;
  const self = join(__dirname, __NOTES_RENDER_WORKER__);
  const job: Job = {
    notesHtmlWorker: true, notes: input.notes, notebook: input.notebook, now: input.now.getTime(),
    stripEmails: input.stripEmails, next,
  };
  let worker: Worker;
  try {
    worker = new Worker(self, { workerData: job });
  } catch {
    return null;
  }
  return new Promise((resolve, reject) => {
    worker.on('message', (m: Message) => {
      if (m.kind === 'bodies') for (const [i, html] of m.bodies) onBody(i, html);
      else { resolve({ missing: m.missing, images: m.images }); void worker.terminate(); }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`render worker exited (${code})`)));
  });
}
