const response = await fetch('https://api.sellvy.io/v1/products', {
method: 'POST',
headers: {
'Authorization': 'Bearer sk_live_your_api_key',
'Content-Type': 'application/json'
},
body: JSON.stringify({
title: 'Premium Icon Pack',
type: 'digital_download',
price: 29.99,
description: '500+ hand-crafted icons'
})
});
const { data } = await response.json();
console.log(`Created product: ${data.id}`);
