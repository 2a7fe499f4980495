package jsrt

import (
	"net"
	"slices"
	"strconv"

	"github.com/dop251/goja"
)

// networkInterfaces is os.networkInterfaces(): the addresses of every
// interface that is up and running, in Node's shape. libuv lists them as
// getifaddrs(3) gives them on Linux (every IPv4 address, then every IPv6
// one), so an interface's addresses go IPv4 first, and interfaces come in
// the order of their first address.
func (vm *VM) networkInterfaces() goja.Value {
	rt := vm.rt
	ifaces, err := net.Interfaces()
	if err != nil {
		panic(vm.nodeError("Error", "ERR_SYSTEM_ERROR", "A system error occurred: uv_interface_addresses returned "+err.Error()))
	}
	type entry struct {
		iface *net.Interface
		ip    *net.IPNet
	}
	var v4, v6 []entry
	for i := range ifaces {
		ifc := &ifaces[i]
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagRunning == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil {
				v4 = append(v4, entry{ifc, ipn})
			} else if ok {
				v6 = append(v6, entry{ifc, ipn})
			}
		}
	}
	out := rt.NewObject()
	lists := map[string][]any{}
	var names []string
	for _, e := range slices.Concat(v4, v6) {
		ones, _ := e.ip.Mask.Size()
		o := rt.NewObject()
		ip, mask, family := e.ip.IP, net.IP(e.ip.Mask), "IPv6"
		if ip4 := ip.To4(); ip4 != nil {
			ip, family = ip4, "IPv4"
			if len(mask) == net.IPv6len {
				mask = mask[12:]
			}
		}
		mac := e.iface.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		_ = o.Set("address", ip.String())
		_ = o.Set("netmask", mask.String())
		_ = o.Set("family", family)
		_ = o.Set("mac", mac)
		_ = o.Set("internal", e.iface.Flags&net.FlagLoopback != 0)
		_ = o.Set("cidr", ip.String()+"/"+strconv.Itoa(ones))
		if family == "IPv6" {
			scope := 0
			if ip.IsLinkLocalUnicast() {
				scope = e.iface.Index
			}
			_ = o.Set("scopeid", scope)
		}
		if _, seen := lists[e.iface.Name]; !seen {
			names = append(names, e.iface.Name)
		}
		lists[e.iface.Name] = append(lists[e.iface.Name], o)
	}
	for _, name := range names {
		_ = out.Set(name, rt.NewArray(lists[name]...))
	}
	return out
}
