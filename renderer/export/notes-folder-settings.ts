/**
 * Settings › Export folder: the notes folder Gloss keeps in step (one Markdown file per annotated
 * document, updated on every change). The desktop chooses it in the system's folder dialog; the
 * browser mode only shows it, since a web page must not choose where Gloss writes: it is named
 * on the command line (`npm run serve -- --notes-folder DIR`) or chosen in the desktop app.
 *
 * While a folder is kept, what the main side has to tell (a block in it the reader edited, which
 * Gloss leaves alone; a folder it cannot write) is fetched every few seconds and shown.
 */
import type { NotesFolderInfo } from '../../main/api';
import type { GlossClient } from '../api';
import { h } from '../ui/dom';
import type { Toasts } from '../ui/toasts';

/** How often messages are fetched while a notes folder is kept. */
const NOTICE_POLL_MS = 4000;

/** The Export folder section of the Settings popover. */
export class NotesFolderSettings {
  private readonly status: HTMLElement;
  private readonly choose: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private poll: number | null = null;

  constructor(
    panel: HTMLElement,
    private readonly deps: { client: GlossClient; toasts: Toasts },
  ) {
    this.status = h('p', { className: 'notes-folder-status', id: 'notes-folder-status' });
    this.choose = h('button', { type: 'button', className: 'text-button bordered' }, 'Choose folder…');
    this.stop = h('button', { type: 'button', className: 'text-button bordered' }, 'Stop keeping it');
    this.choose.addEventListener('click', () => void this.change(() => deps.client.api.chooseNotesFolder({})));
    this.stop.addEventListener('click', () => void this.change(() => deps.client.api.stopNotesFolder({})));
    const browserHelp =
      deps.client.mode === 'browser'
        ? h('p', { className: 'notes-folder-help' }, 'In the browser mode the folder is named when Gloss starts, ', h('code', {}, 'npm run serve -- --notes-folder DIR'), ', or chosen in the desktop app: a web page cannot choose where Gloss writes.')
        : null;
    panel.append(
      h(
        'section',
        { className: 'notes-folder', 'aria-labelledby': 'notes-folder-title' },
        h('h2', { className: 'popover-title', id: 'notes-folder-title' }, 'Export folder'),
        this.status,
        h('div', { className: 'notes-folder-actions' }, this.choose, this.stop),
        browserHelp,
      ),
    );
  }

  /** Asks the main side which folder is kept, and shows it. */
  async load(): Promise<void> {
    try {
      this.show(await this.deps.client.api.getNotesFolder({}));
    } catch (error) {
      this.status.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  private async change(request: () => Promise<NotesFolderInfo>): Promise<void> {
    this.choose.disabled = true;
    this.stop.disabled = true;
    try {
      const info = await request();
      this.show(info);
      if (info.path !== null && info.written !== undefined) {
        this.deps.toasts.show(`Gloss keeps your notes in ${info.path} now (${info.written} file${info.written === 1 ? '' : 's'} written).`);
      }
    } catch (error) {
      this.deps.toasts.error(error);
    } finally {
      this.choose.disabled = false;
      this.stop.disabled = false;
    }
  }

  private show(info: NotesFolderInfo): void {
    this.status.replaceChildren(
      ...(info.path === null
        ? ['Gloss keeps no notes folder. Choose one (an Obsidian vault, say) and Gloss keeps one Markdown file per annotated document there, updated on every change.']
        : ['Gloss keeps one Markdown file per annotated document in ', h('code', {}, info.path), ', updated on every change. Your own text in those files stays as you write it.']),
    );
    this.choose.hidden = !info.canChoose;
    this.choose.textContent = info.path === null ? 'Choose folder…' : 'Choose another folder…';
    this.stop.hidden = info.path === null;
    this.pollNotices(info.path !== null);
  }

  private pollNotices(on: boolean): void {
    if (on === (this.poll !== null)) return;
    if (!on) {
      window.clearInterval(this.poll!);
      this.poll = null;
      return;
    }
    this.poll = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      this.deps.client.api
        .takeNotices({})
        .then((notices) => notices.forEach((notice) => this.deps.toasts.show(notice, { timeoutMs: 20_000 })))
        .catch(() => undefined);
    }, NOTICE_POLL_MS);
  }
}
