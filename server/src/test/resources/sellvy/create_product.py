import requests
response = requests.post(
"https://api.sellvy.io/v1/products",
headers={
"Authorization": "Bearer sk_live_your_api_key",
"Content-Type": "application/json"
},
json={
"title": "Premium Icon Pack",
"type": "digital_download",
"price": 29.99,
"description": "500+ hand-crafted icons"
}
)
product = response.json()["data"]
print(f"Created product: {product['id']}")
