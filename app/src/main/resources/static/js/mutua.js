// Mutua's only script besides htmx: the phone menu, and the confirmation of forms htmx does not take over. Served from
// 'self' (the Content-Security-Policy allows no inline script).
document.documentElement.classList.add('js');

document.addEventListener('click', function (event) {
  var toggle = event.target.closest('.menu-toggle');
  if (!toggle) {
    return;
  }
  var menu = document.getElementById(toggle.getAttribute('aria-controls'));
  var open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  menu.classList.toggle('open', open);
});

// htmx asks a boosted form's hx-confirm question itself; a form that opts out (hx-boost="false": it posts as a plain
// form and the page reloads whole) is asked here, or it would start at once (a rebuild of every read model, an eviction).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('hx-confirm');
  if (question && form.getAttribute('hx-boost') === 'false' && !window.confirm(question)) {
    event.preventDefault();
  }
});
