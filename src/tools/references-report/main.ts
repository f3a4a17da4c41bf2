/**
 * The reference report's only script: a print button (the report is read on screen or printed for
 * the quarterly review). Everything else in the report is static markup and inline SVG.
 */
const button = document.querySelector<HTMLButtonElement>('#print-report');
if (button) {
	button.hidden = false;
	button.addEventListener('click', () => window.print());
}
