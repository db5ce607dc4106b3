// HttpReader on raw bytes: framing, the size limits, smuggling-prone headers and body
// encodings, as docs/hardening.md lists them.
#include "sim/server/http_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

namespace ec2sim::server {
namespace {

using Kind = ReadOutcome::Kind;

// Compresses `text` as gzip (window_bits 31) or zlib-wrapped deflate (15).
std::string Compress(const std::string& text, int window_bits) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Post(const std::string& path, const std::string& headers, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body;
}

std::string WithLength(const std::string& body, const std::string& extra = "") {
  return Post("/", extra + "Content-Length: " + std::to_string(body.size()) + "\r\n", body);
}

ReadOutcome ReadAll(const std::string& bytes, HttpLimits limits = {}) {
  HttpReader reader(limits);
  reader.Append(bytes);
  return reader.Next();
}

// The refusal's EC2 error code (XML) or admin error code (JSON), found in its body.
bool Mentions(const ReadOutcome& out, const std::string& text) {
  return out.refusal.body.find(text) != std::string::npos;
}

TEST(HttpReader, ReadsARequestWithItsPathQueryHeadersAndBody) {
  ReadOutcome out = ReadAll(Post("/a%20b?Action=X&y=%2B",
                                 "Content-Type: application/x-www-form-urlencoded\r\n"
                                 "Authorization: AWS4 k\r\nContent-Length: 3\r\n",
                                 "a=b"));
  ASSERT_EQ(out.kind, Kind::kRequest);
  EXPECT_EQ(out.request.method, "POST");
  EXPECT_EQ(out.request.path, "/a b");
  EXPECT_EQ(out.request.raw_path, "/a%20b");
  EXPECT_EQ(out.request.query, "Action=X&y=%2B");
  EXPECT_EQ(out.request.content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(out.request.authorization, "AWS4 k");
  EXPECT_EQ(out.request.body, "a=b");
  EXPECT_EQ(out.request.headers.size(), 4u);
  EXPECT_TRUE(out.keep_alive);
}

TEST(HttpReader, PipelinedRequestsComeOutInOrderAtOnce) {
  HttpReader reader;
  reader.Append(WithLength("1") + "GET /two HTTP/1.1\r\nHost: x\r\n\r\n" + WithLength("333"));
  ReadOutcome first = reader.Next(), second = reader.Next(), third = reader.Next();
  ASSERT_EQ(first.kind, Kind::kRequest);
  ASSERT_EQ(second.kind, Kind::kRequest);
  ASSERT_EQ(third.kind, Kind::kRequest);
  EXPECT_EQ(first.request.body, "1");
  EXPECT_EQ(second.request.path, "/two");
  EXPECT_EQ(third.request.body, "333");
  EXPECT_EQ(reader.Next().kind, Kind::kNeedMore);
  EXPECT_EQ(reader.phase(), HttpReader::Phase::kIdle);
}

TEST(HttpReader, AHeaderSentByteByByteMovesThroughThePhases) {
  HttpReader reader;
  std::string bytes = WithLength("abc");
  EXPECT_EQ(reader.phase(), HttpReader::Phase::kIdle);
  std::size_t header_end = bytes.find("\r\n\r\n") + 4;
  for (std::size_t i = 0; i < header_end; ++i) {
    reader.Append(bytes.substr(i, 1));
    ASSERT_EQ(reader.Next().kind, Kind::kNeedMore);
    EXPECT_EQ(reader.phase(),
              i + 1 < header_end ? HttpReader::Phase::kHeader : HttpReader::Phase::kBody);
  }
  reader.Append(bytes.substr(header_end));
  EXPECT_EQ(reader.Next().request.body, "abc");
}

TEST(HttpReader, AClientExpecting100ContinueIsToldOnceBeforeItsBody) {
  HttpReader reader;
  reader.Append(Post("/", "Expect: 100-continue\r\nContent-Length: 3\r\n", ""));
  EXPECT_EQ(reader.Next().kind, Kind::kNeedMore);
  EXPECT_TRUE(reader.TakeContinue());
  EXPECT_FALSE(reader.TakeContinue());
  reader.Append("abc");
  EXPECT_EQ(reader.Next().request.body, "abc");
}

TEST(HttpReader, ChunkedBodiesAreDecoded) {
  ReadOutcome out =
      ReadAll(Post("/", "Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"));
  ASSERT_EQ(out.kind, Kind::kRequest);
  EXPECT_EQ(out.request.body, "abcde");
}

TEST(HttpReader, AChunkedBodyOverTheLimitIsRefusedAsItArrives) {
  HttpReader reader;
  reader.Append(Post("/", "Transfer-Encoding: chunked\r\n", ""));
  std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  ReadOutcome out;
  int sent = 0;
  for (; sent < 64 && out.kind == Kind::kNeedMore; ++sent) {
    reader.Append(chunk);
    out = reader.Next();
  }
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 413);
  EXPECT_LE(sent, 17);  // refused at the chunk that passes 1 MiB, not at the end
  EXPECT_TRUE(Mentions(out, "<Code>Ec2sim.PayloadTooLarge</Code>"));
}

TEST(HttpReader, AContentLengthOverTheLimitIsRefusedBeforeTheBody) {
  ReadOutcome out = ReadAll(Post("/", "Content-Length: 2000000\r\n", ""));
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 413);
}

TEST(HttpReader, ConflictingOrRepeatedContentLengthsAreRefused) {
  for (const char* headers :
       {"Content-Length: 1\r\nContent-Length: 2\r\n", "Content-Length: 1\r\nContent-Length: 1\r\n",
        "Content-Length: 1, 1\r\n"}) {
    ReadOutcome out = ReadAll(Post("/", headers, "a"));
    ASSERT_EQ(out.kind, Kind::kRefused) << headers;
    EXPECT_EQ(out.refusal.status, 400) << headers;
  }
}

TEST(HttpReader, TransferEncodingWithContentLengthIsRefusedInEitherOrder) {
  for (const char* headers :
       {"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: gzip, chunked\r\n"}) {
    ReadOutcome out = ReadAll(Post("/", headers, "0\r\n\r\n"));
    ASSERT_EQ(out.kind, Kind::kRefused) << headers;
    EXPECT_EQ(out.refusal.status, 400) << headers;
  }
}

TEST(HttpReader, ANegativeContentLengthGetsAnEc2OrAdminError) {
  ReadOutcome ec2 = ReadAll(Post("/", "Content-Length: -1\r\n", ""));
  ASSERT_EQ(ec2.kind, Kind::kRefused);
  EXPECT_EQ(ec2.refusal.status, 400);
  EXPECT_TRUE(Mentions(ec2, "<Response><Errors><Error><Code>Ec2sim.BadRequest</Code>"));
  EXPECT_EQ(ec2.request.method, "POST");
  ReadOutcome admin = ReadAll(Post("/_ec2sim/call", "Content-Length: abc\r\n", ""));
  ASSERT_EQ(admin.kind, Kind::kRefused);
  EXPECT_EQ(admin.refusal.content_type, "application/json");
  EXPECT_TRUE(Mentions(admin, "\"code\": \"Ec2sim.BadRequest\""));
}

TEST(HttpReader, AMalformedChunkSizeIsRefused) {
  ReadOutcome out = ReadAll(Post("/", "Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n"));
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 400);
  EXPECT_TRUE(Mentions(out, "chunked"));
}

TEST(HttpReader, GzipAndDeflateBodiesAreInflated) {
  std::string form = "Action=DescribeRegions";
  for (auto [encoding, bits] :
       std::vector<std::pair<std::string, int>>{{"gzip", 31}, {"deflate", 15}, {"deflate", -15}}) {
    ReadOutcome out =
        ReadAll(WithLength(Compress(form, bits), "Content-Encoding: " + encoding + "\r\n"));
    ASSERT_EQ(out.kind, Kind::kRequest) << encoding << bits;
    EXPECT_EQ(out.request.body, form);
  }
}

TEST(HttpReader, AGzipBombIsRefusedAtTheLimit) {
  std::string bomb = Compress(std::string(8 << 20, '\0'), 31);
  ASSERT_LT(bomb.size(), 16u << 10);
  ReadOutcome out = ReadAll(WithLength(bomb, "Content-Encoding: gzip\r\n"));
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 413);
}

TEST(HttpReader, BadOrTruncatedCompressedDataIsRefused) {
  std::string gz = Compress("Action=DescribeRegions", 31);
  for (const std::string& body :
       {std::string("not gzip"), gz.substr(0, gz.size() - 4), gz + "trailing"}) {
    ReadOutcome out = ReadAll(WithLength(body, "Content-Encoding: gzip\r\n"));
    ASSERT_EQ(out.kind, Kind::kRefused);
    EXPECT_EQ(out.refusal.status, 400);
  }
}

TEST(HttpReader, OtherContentEncodingsAreRefusedAsUnsupported) {
  ReadOutcome out = ReadAll(WithLength("x", "Content-Encoding: br\r\n"));
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 415);
  EXPECT_TRUE(Mentions(out, "gzip"));
}

TEST(HttpReader, AHeaderOverTheLimitIsRefused) {
  HttpReader reader;
  reader.Append("GET / HTTP/1.1\r\nX-Long: ");
  ReadOutcome out;
  for (int i = 0; i < 40 && out.kind == Kind::kNeedMore; ++i) {
    reader.Append(std::string(4096, 'a'));
    out = reader.Next();
  }
  ASSERT_EQ(out.kind, Kind::kRefused);
  EXPECT_EQ(out.refusal.status, 431);
}

TEST(HttpReader, NothingIsReadAfterARefusal) {
  HttpReader reader;
  reader.Append(Post("/", "Content-Length: -1\r\n", "") + "GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(reader.Next().kind, Kind::kRefused);
  reader.Append("GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(reader.Next().kind, Kind::kNeedMore);
}

TEST(HttpReader, MultipartBodiesReachTheEndpointAsSent) {
  // The EC2 endpoint answers them (a form body is all it takes); the reader only frames them.
  ReadOutcome out =
      ReadAll(WithLength("--b\r\n\r\nx\r\n--b--\r\n", "Content-Type: multipart/form-data\r\n"));
  ASSERT_EQ(out.kind, Kind::kRequest);
  EXPECT_EQ(out.request.content_type, "multipart/form-data");
}

}  // namespace
}  // namespace ec2sim::server
