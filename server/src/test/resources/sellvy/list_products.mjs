const response = await fetch('https://api.sellvy.io/v1/products?per_page=10', {
headers: {
'Authorization': 'Bearer sk_live_your_api_key'
}
});
const { data, meta } = await response.json();
console.log(`Found ${meta.total} products`);
