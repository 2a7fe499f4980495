---
message: "next: restart the server"
---
