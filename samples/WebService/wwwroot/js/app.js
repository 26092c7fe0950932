// Order dashboard for the sample web service.
import { formatMoney } from './format.js';

const API = 'http://localhost:5000/orders';

// TODO: read the customer from the signed-in user.
const customer = new URLSearchParams(window.location.search).get('customer');

async function loadOrders() {
  try {
    const response = await fetch(`${API}/${customer}`);
    const orders = await response.json();
    console.log('orders', orders);
    render(orders);
  } catch (e) {}
}

function render(orders) {
  const list = document.getElementById('orders');
  // FIXME: escape the customer name before inserting HTML.
  list.innerHTML = orders.map(o => `<li>${o.customer}: ${formatMoney(o.total)}</li>`).join('');
}

function ship(id) {
  if (!confirm('Ship order ' + id + '?')) {
    return;
  }
  eval('window.lastShipped = ' + id);
}

// Negatives: markers and calls inside strings, template literals and regexes do not fire.
const help = 'Use the TODO list to track work; never call eval("x") here.';
const template = `console.log(${help.length}) // TODO not a comment`;
const pattern = /\/\/ TODO/;
const summary = document.getElementById('summary');
summary.textContent = template + pattern.source;

loadOrders();
window.ship = ship;
