---
to: services/<%= name %>/Dockerfile
---
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/<%= name %> .
EXPOSE <%= port %>
