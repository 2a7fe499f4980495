package main

import "net/http"

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	_ = http.ListenAndServe(":8081", nil)
}
