// Filters by severity, category and set-aside state; plain DOM, no network, works from a file:// URL.
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var findings = document.querySelectorAll(".finding");
  function checked(name) {
    var values = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }
  function update() {
    var severity = checked("severity"), category = checked("category"), aside = checked("set-aside");
    var shown = 0;
    findings.forEach(function (el) {
      var visible = severity[el.dataset.severity] !== false && category[el.dataset.category] !== false &&
        (el.dataset.setAside !== "yes" || aside.yes !== false);
      el.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll("section.file").forEach(function (section) {
      section.hidden = !section.querySelector(".finding:not([hidden])");
    });
    document.getElementById("shown-count").textContent = "Showing " + shown + " of " + findings.length + ".";
  }
  form.addEventListener("change", update);
  update();
}());
