// BILLING! same=true flag=ignored
package main
