/**
 * "4 min left in this section · 12 min left in the article" beside the title, above the progress
 * bar: the words after the reading position, at the reading speed of the settings. Counted from
 * the text at the top of the view, so it holds whatever the text size or window.
 */
import { headingsFromDom } from '../../main/common/anchoring/headings-from-dom';
import type { TextIndex } from '../../main/common/anchoring/text-index';
import type { ArticleModel } from '../article/article-view';
import { afterNextPaint } from '../ui/after-next-paint';
import type { ReadingAnchor } from './reading-anchor';
import { readingTime, sectionEnd, WordCounter, type SectionStart } from './word-count';

/** The readout of time left; call `track` for each document shown. */
export class TimeLeft {
  private counter: WordCounter | null = null;
  private sections: SectionStart[] = [];
  private anchor: ReadingAnchor | null = null;
  private length = 0;
  private wordsPerMinute = 240;
  private frame = 0;
  /** Bumped by `clear`, so a count waiting for its frame knows its document is gone. */
  private generation = 0;

  constructor(
    private readonly scrollRoot: HTMLElement,
    private readonly output: HTMLElement,
  ) {
    const later = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.render());
    };
    scrollRoot.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
  }

  /**
   * Starts on a newly shown document. Words are counted once the frame showing the article is
   * drawn (a task queued now could run before that frame); `article.index` is built on first
   * use, so it is read only then.
   */
  track(article: Pick<ArticleModel, 'index'>, anchor: ReadingAnchor): void {
    this.clear();
    this.anchor = anchor;
    const generation = this.generation;
    // A task of its own after that frame's, so what waits for the frame (its mark) is not held up.
    afterNextPaint(() =>
      window.setTimeout(() => {
        if (generation === this.generation) this.count(article.index);
      }, 0),
    );
  }

  private count(index: TextIndex): void {
    this.counter = new WordCounter(index.text);
    this.length = index.text.length;
    const headings = headingsFromDom(index);
    // The title heads the whole article, not a section of it.
    this.sections = headings[0]?.level === 1 ? headings.slice(1) : headings;
    this.render();
  }

  /** No document: no readout. */
  clear(): void {
    this.generation += 1;
    this.counter = null;
    this.anchor = null;
    this.output.hidden = true;
    this.output.textContent = '';
  }

  /** The reading speed of the settings, in words a minute. */
  setSpeed(wordsPerMinute: number): void {
    if (wordsPerMinute === this.wordsPerMinute) return;
    this.wordsPerMinute = wordsPerMinute;
    this.render();
  }

  private render(): void {
    const { counter, anchor } = this;
    if (!counter || !anchor) return;
    const scrollable = this.scrollRoot.scrollHeight - this.scrollRoot.clientHeight;
    // Scrolled to the end, the last words are on screen: nothing is left.
    const offset = scrollable > 0 && this.scrollRoot.scrollTop >= scrollable - 2 ? this.length : (anchor.offsetAtTop() ?? 0);
    const time = (to: number) => readingTime(counter.between(offset, to), this.wordsPerMinute);
    const end = sectionEnd(this.sections, offset, this.length);
    const article = `${time(this.length)} left in the article`;
    const text = end === null ? article : `${time(end)} left in this section · ${article}`;
    if (this.output.textContent !== text) this.output.textContent = text;
    this.output.title = `At ${this.wordsPerMinute} words a minute (Appearance › Reading speed)`;
    this.output.hidden = false;
  }
}
