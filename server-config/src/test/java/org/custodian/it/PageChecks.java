package org.custodian.it;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person sees, measured in the browser: where each label, input and message of a form sit (bounding boxes),
 * and the contrast of text and buttons from their computed styles (WCAG 2.2 relative luminance).
 */
final class PageChecks {

    private PageChecks() {
    }

    /**
     * For every label of the form: its input sits in the field right after it, the label left of the input on the
     * same row or above it, and a message shown for it directly below the input. Returns what is wrong (empty when
     * nothing), then the number of messages shown next to inputs as the last entry.
     */
    static final String FORM_LAYOUT = """
            var form = document.getElementById(arguments[0]);
            if (!form) { return ['no form ' + arguments[0], '0']; }
            var problems = [], shown = 0;
            function box(e) { var r = e.getBoundingClientRect();
                return {l: Math.round(r.left), r: Math.round(r.right), t: Math.round(r.top), b: Math.round(r.bottom)}; }
            form.querySelectorAll('.form-grid > label[for], .filters label[for]').forEach(function (label) {
                var input = document.getElementById(label.htmlFor);
                if (!input) { problems.push(label.htmlFor + ': no input for the label'); return; }
                var field = label.nextElementSibling;
                if (!field || !field.classList.contains('field') || !field.contains(input)) {
                    problems.push(label.htmlFor + ': the input is not in the field right after its label');
                    return;
                }
                var l = box(label), i = box(input);
                var leftSameRow = l.r <= i.l + 1 && l.t < i.b && l.b > i.t;
                var above = l.b <= i.t + 1 && i.t - l.b < 24 && l.l < i.r && l.r > i.l - 1;
                if (!leftSameRow && !above) {
                    problems.push(label.htmlFor + ': label ' + JSON.stringify(l) + ' is neither left of nor above its'
                            + ' input ' + JSON.stringify(i));
                }
                var message = field.querySelector('.ui-message');
                if (message && message.textContent.trim()) {
                    shown++;
                    var m = box(message);
                    if (!(m.t >= i.b - 1 && m.t - i.b <= 12 && m.l >= i.l - 2 && m.l < i.r)) {
                        problems.push(label.htmlFor + ': message ' + JSON.stringify(m) + ' is not right below its'
                                + ' input ' + JSON.stringify(i));
                    }
                }
            });
            problems.push(String(shown));
            return problems;
            """;

    /** Every visible text and button of the page below 4.5:1 against the background it is drawn on. */
    static final String CONTRAST = """
            function rgb(text) { var m = text.match(/[0-9.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
            function alpha(c) { return c.length > 3 ? c[3] : 1; }
            function lum(c) { var v = c.slice(0, 3).map(function (x) { x = x / 255;
                return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
            function background(e) {
                for (var n = e; n && n.nodeType === 1; n = n.parentElement) {
                    var c = rgb(getComputedStyle(n).backgroundColor);
                    if (alpha(c) > 0.5) { return c; }
                }
                return [255, 255, 255, 1];
            }
            function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
            var failures = [];
            var all = document.body.querySelectorAll('*');
            for (var k = 0; k < all.length; k++) {
                var e = all[k];
                if (e.closest('[disabled], .ui-state-disabled, script, style, noscript, .skip')) { continue; }
                var own = Array.prototype.some.call(e.childNodes, function (n) {
                    return n.nodeType === 3 && n.textContent.trim(); });
                var button = e.matches('button, .ui-button, input[type=submit], input[type=button]');
                if (!own && !button) { continue; }
                var r = e.getBoundingClientRect(), style = getComputedStyle(e);
                if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.opacity === '0') { continue; }
                var value = ratio(rgb(style.color), background(e));
                if (value < 4.5) {
                    failures.push((button ? 'button ' : '') + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim()
                            .replace(/\\s+/g, '.') : '') + ' "' + (e.textContent || e.value || '').trim().substring(0, 30)
                            + '" ' + value.toFixed(2) + ':1 (' + style.color + ' on ' + background(e) + ')');
                }
            }
            return failures;
            """;

    /** The problems of one form's layout (empty when none) and how many messages it shows next to inputs. */
    static Result formLayout(Browser browser, String formId) {
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) browser.driver().executeScript(FORM_LAYOUT, formId);
        List<String> problems = new ArrayList<>();
        for (Object item : found.subList(0, found.size() - 1)) {
            problems.add(String.valueOf(item));
        }
        return new Result(problems, Integer.parseInt(String.valueOf(found.get(found.size() - 1))));
    }

    @SuppressWarnings("unchecked")
    static List<String> lowContrast(Browser browser) {
        return (List<String>) browser.driver().executeScript(CONTRAST);
    }

    record Result(List<String> problems, int messages) {
    }
}
