/* The index's search box: filters the list of roles by title, alias and skill.
 * Also shows the middle of each ladder wider than the screen (its rows are centred). */
(function () {
  "use strict";
  function start() {
    Array.from(document.querySelectorAll("figure.ladder .scroll")).forEach(function (scroller) {
      scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
    });
    var box = document.getElementById("search-box"), status = document.getElementById("search-status");
    var items = Array.from(document.querySelectorAll("ul.roles > li"));
    var sections = Array.from(document.querySelectorAll("section.level, section.track"));
    document.getElementById("search").hidden = false;
    box.form.addEventListener("submit", function (event) { event.preventDefault(); });
    function filter() {
      var wanted = box.value.trim().toUpperCase().toLowerCase(), shown = 0;
      items.forEach(function (li) {
        var match = !wanted || li.getAttribute("data-terms").indexOf(wanted) >= 0;
        li.hidden = !match;
        if (match) { shown++; }
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector("ul.roles > li:not([hidden])");
      });
      status.textContent = wanted ? shown + " of " + items.length + " roles match" : "";
    }
    box.addEventListener("input", filter);
    filter();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
