// Mutua's only script besides htmx: the phone menu, confirmations htmx asks through the page's own dialog, and the
// stale-page guard. Served from 'self' (the Content-Security-Policy allows no inline script).
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
