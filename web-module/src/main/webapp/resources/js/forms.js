/*
 * After a failed submit, the first input with a message next to it gets the focus (and comes into view), so the
 * user lands where the problem is instead of at a summary far above it.
 */
document.addEventListener('DOMContentLoaded', function () {
    var message = document.querySelector('.field .ui-message-error');
    var field = message && message.closest('.field');
    var input = field && field.querySelector('input:not([type=hidden]), select, textarea');
    if (input) {
        input.focus({preventScroll: true});
        input.scrollIntoView({block: 'center'});
    }
});
