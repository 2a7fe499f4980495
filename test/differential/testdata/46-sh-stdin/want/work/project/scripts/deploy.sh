#!/bin/sh
echo "deploying to staging"
