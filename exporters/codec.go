package exporters

import (
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	grpcproto "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"
)

// exactCodec is gRPC's proto codec, except that a request is marshalled
// into a buffer of its own size. gRPC's codec takes buffers above 1 KB from
// its default pool, whose sizes go 256 B, 4, 16, 32 KB and then 1 MB: every
// export of a batch between 32 KB and 1 MB (a full batch of 512 of
// hypergen's spans is about 100 KB) took a 1 MB buffer, and allocated it
// afresh whenever a garbage collection had emptied the pool, which in a
// process that generates is at nearly every export.
type exactCodec struct{ encoding.CodecV2 }

func (exactCodec) Marshal(v any) (mem.BufferSlice, error) {
	m, ok := v.(proto.Message)
	if !ok {
		return nil, fmt.Errorf("proto: cannot marshal %T, not a proto.Message", v)
	}
	b, err := proto.Marshal(m)
	if err != nil {
		return nil, err
	}
	return mem.BufferSlice{mem.SliceBuffer(b)}, nil
}

// grpcOptions are the dial options of the OTLP exporters.
func grpcOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithDefaultCallOptions(
		grpc.ForceCodecV2(exactCodec{encoding.GetCodecV2(grpcproto.Name)}))}
}
