/* A confirmation from the page before (signed up, signed out, account deleted), shown once on
   the page the person lands on, whether that page came from the network or the service worker's
   cache: the server leaves it in a short-lived cookie (webapp/auth/views.py notice). */
// @ts-check

const COOKIE = 'relieve_notice';

function read() {
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`));
  if (!pair) return null;
  try {
    return decodeURIComponent(pair.slice(COOKIE.length + 1).replace(/^"|"$/g, ''));
  } catch {
    return null;
  }
}

const message = read();
const box = document.getElementById('notice');
if (message && box) {
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  const text = document.createElement('p');
  text.textContent = message;
  box.replaceChildren(text);
  box.hidden = false;
}
