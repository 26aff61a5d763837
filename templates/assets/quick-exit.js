// Exit this page: a click on any [data-quick-exit] link, or Shift pressed three times
// (each press within 5 seconds of the last; any other key starts the count again),
// hides the page at once and replaces it with the neutral destination.
// Without JavaScript the links still work as plain links.
const WINDOW_MS = 5000;
const links = document.querySelectorAll('a[data-quick-exit]');
const status = document.querySelector('[data-quick-exit-status]');
const destination = links.length ? links[0].href : null;

function exitNow(event) {
  if (event) event.preventDefault();
  document.documentElement.classList.add('exiting');
  document.title = '';
  // replace(): the hub's page is not left as the step "back" from the destination.
  window.location.replace(destination);
}

for (const link of links) link.addEventListener('click', exitNow);

let presses = 0;
let last = 0;
function announce(text) {
  if (status) status.textContent = text;
}
document.addEventListener('keydown', (event) => {
  if (!destination) return;
  if (event.key !== 'Shift') {
    if (presses > 0) announce('');
    presses = 0;
    return;
  }
  if (event.repeat) return;
  const now = Date.now();
  presses = now - last <= WINDOW_MS ? presses + 1 : 1;
  last = now;
  if (presses >= 3) {
    presses = 0;
    announce('Exiting this page');
    exitNow();
  } else {
    const left = 3 - presses;
    announce(`Shift, press ${left} more time${left === 1 ? '' : 's'} to exit the page`);
  }
});
