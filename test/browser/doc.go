// Package browser checks what people look at in a real browser: Debian's
// Chromium, driven headless over the DevTools protocol (chromedp), renders
// the HTML performance report and the agent's live page; the tests check that
// every chart drew, that the page logged no errors, and save screenshots.
package browser
