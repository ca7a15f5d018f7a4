// The question box: it grows with the question; Enter asks, Shift+Enter starts a new line.
(function () {
  "use strict";
  var box = document.getElementById("q");
  if (!box || box.tagName !== "TEXTAREA") {
    return;
  }
  function grow() {
    box.style.height = "auto";
    box.style.height = box.scrollHeight + (box.offsetHeight - box.clientHeight) + "px";
  }
  box.addEventListener("input", grow);
  window.addEventListener("resize", grow);
  box.addEventListener("keydown", function (event) {
    // While an input method composes (拼音), Enter picks a candidate: leave it alone.
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    box.form.requestSubmit();
  });
  grow();
})();
