import requests
response = requests.get(
"https://api.sellvy.io/v1/products",
headers={"Authorization": "Bearer sk_live_your_api_key"},
params={"per_page": 10}
)
data = response.json()
print(f"Found {data['meta']['total']} products")
