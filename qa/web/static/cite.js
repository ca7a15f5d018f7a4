// "复制引文": copy a citation's reference; where the clipboard is refused, select it instead.
(function () {
  "use strict";
  var LABEL = "复制引文";
  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function say(button, text) {
    button.textContent = text;
    window.setTimeout(function () { button.textContent = LABEL; }, 3000);
  }
  document.querySelectorAll("button.copy[data-ref]").forEach(function (button) {
    var ref = document.getElementById(button.getAttribute("data-ref"));
    if (!ref) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var byHand = function () {
        selectText(ref);
        say(button, "已选中，请按 Ctrl+C 复制");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(ref.textContent).then(function () {
          say(button, "已复制");
        }, byHand);
      } else {
        byHand();
      }
    });
  });
})();
