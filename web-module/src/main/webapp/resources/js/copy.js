/* Copies the text of an element to the clipboard (the people pages' one-time links and keys). */
function custodianCopy(sourceId, button) {
    var text = document.getElementById(sourceId).textContent.trim();
    var done = function () { button.textContent = 'Copied'; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(); });
    } else {
        fallback();
    }
    function fallback() {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'absolute';
        area.style.left = '-9999px';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); done(); } catch (e) { button.textContent = 'Select and copy by hand'; }
        document.body.removeChild(area);
    }
}
