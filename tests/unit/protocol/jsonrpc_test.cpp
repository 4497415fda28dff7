// Tests of JSON-RPC parsing: the four kinds of message and every way a body can be rejected.
#include "protocol/jsonrpc.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace mend::protocol;

namespace {

ParseFailure failure(std::string_view body) {
  Incoming in = parse_message(body);
  REQUIRE(std::holds_alternative<ParseFailure>(in));
  return std::get<ParseFailure>(in);
}

Request request(std::string_view body) {
  Incoming in = parse_message(body);
  REQUIRE(std::holds_alternative<Request>(in));
  return std::get<Request>(in);
}

} // namespace

TEST_CASE("a request keeps its id, method and params") {
  Request r = request(R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"a":1}})");
  CHECK(r.id == 7);
  CHECK(r.method == "textDocument/hover");
  CHECK(r.params == json{{"a", 1}});
}

TEST_CASE("request ids: integers and strings are valid, anything else is not") {
  CHECK(request(R"({"jsonrpc":"2.0","id":"abc","method":"m"})").id == "abc");
  CHECK(request(R"({"jsonrpc":"2.0","id":"","method":"m"})").id == "");
  CHECK(request(R"({"jsonrpc":"2.0","id":0,"method":"m"})").id == 0);
  CHECK(request(R"({"jsonrpc":"2.0","id":-42,"method":"m"})").id == -42);
  CHECK(request(R"({"jsonrpc":"2.0","id":18446744073709551615,"method":"m"})").id ==
        json(18446744073709551615ull));
  // The string "1" and the number 1 are different ids.
  CHECK(request(R"({"jsonrpc":"2.0","id":"1","method":"m"})").id != json(1));

  for (const char* bad :
       {R"({"jsonrpc":"2.0","id":1.5,"method":"m"})", R"({"jsonrpc":"2.0","id":1.0,"method":"m"})",
        R"({"jsonrpc":"2.0","id":null,"method":"m"})",
        R"({"jsonrpc":"2.0","id":true,"method":"m"})", R"({"jsonrpc":"2.0","id":{},"method":"m"})",
        R"({"jsonrpc":"2.0","id":[1],"method":"m"})"}) {
    INFO(bad);
    ParseFailure f = failure(bad);
    CHECK(f.code == ErrorCode::InvalidRequest);
    CHECK(f.id.is_null());
    CHECK(f.message.find("\"id\"") != std::string::npos);
  }
}

TEST_CASE("a message without id is a notification and params may be absent") {
  Incoming in = parse_message(R"({"jsonrpc":"2.0","method":"initialized"})");
  REQUIRE(std::holds_alternative<Notification>(in));
  CHECK(std::get<Notification>(in).method == "initialized");
  CHECK(std::get<Notification>(in).params.is_null());
  Incoming arr = parse_message(R"({"jsonrpc":"2.0","method":"n","params":[1,2]})");
  CHECK(std::get<Notification>(arr).params == json::array({1, 2}));
}

TEST_CASE("params null is read as absent, for requests and notifications") {
  Request r = request(R"({"jsonrpc":"2.0","id":1,"method":"shutdown","params":null})");
  CHECK(r.method == "shutdown");
  CHECK(r.params.is_null());
  Incoming n = parse_message(R"({"jsonrpc":"2.0","method":"exit","params":null})");
  REQUIRE(std::holds_alternative<Notification>(n));
  CHECK(std::get<Notification>(n).method == "exit");
  CHECK(std::get<Notification>(n).params.is_null());
  CHECK(std::get<Notification>(n).defect.empty());
}

TEST_CASE("a malformed notification is never turned into an error to send") {
  // Each of these has a method and no id: JSON-RPC forbids answering it.
  for (const char* bad : {R"({"jsonrpc":"2.0","method":"exit","params":5})",
                          R"({"jsonrpc":"2.0","method":"initialized","params":"x"})",
                          R"({"method":"exit"})", R"({"jsonrpc":"1.0","method":"exit"})"}) {
    INFO(bad);
    Incoming in = parse_message(bad);
    REQUIRE(std::holds_alternative<Notification>(in));
    CHECK(!std::get<Notification>(in).defect.empty());
    CHECK(std::get<Notification>(in).params.is_null());
  }
  CHECK(std::get<Notification>(parse_message(R"({"jsonrpc":"2.0","method":"n","params":true})"))
            .defect == "\"params\" must be an object or an array");
  // A method that is not a string leaves no notification to deliver: a failure marked as one.
  ParseFailure f = failure(R"({"jsonrpc":"2.0","method":5})");
  CHECK(f.notification);
  // With an id it is a request, answered as before.
  CHECK(!failure(R"({"jsonrpc":"2.0","id":1,"method":5})").notification);
  CHECK(!failure(R"({"jsonrpc":"2.0","id":1,"method":"m","params":5})").notification);
  CHECK(!failure("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"\xC3\x28\"}}")
             .notification);
}

TEST_CASE("responses carry a result or an error") {
  Incoming ok = parse_message(R"({"jsonrpc":"2.0","id":3,"result":null})");
  REQUIRE(std::holds_alternative<Response>(ok));
  CHECK(std::get<Response>(ok).id == 3);
  REQUIRE(std::get<Response>(ok).result.has_value());
  CHECK(std::get<Response>(ok).result->is_null());
  CHECK(!std::get<Response>(ok).error);

  Incoming err =
      parse_message(R"({"jsonrpc":"2.0","id":"s","error":{"code":-32601,"message":"no"}})");
  REQUIRE(std::holds_alternative<Response>(err));
  CHECK((*std::get<Response>(err).error)["code"] == -32601);

  Incoming null_id =
      parse_message(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}})");
  CHECK(std::holds_alternative<Response>(null_id));

  CHECK(failure(R"({"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1}})").code ==
        ErrorCode::InvalidRequest);
  CHECK(failure(R"({"jsonrpc":"2.0","id":1,"error":"bad"})").code == ErrorCode::InvalidRequest);
  CHECK(failure(R"({"jsonrpc":"2.0","result":1})").code == ErrorCode::InvalidRequest);
}

TEST_CASE("invalid JSON is a parse error with id null") {
  for (const char* bad : {"", "{", "{\"jsonrpc\":\"2.0\",}", "nul", "{} {}", "'x'"}) {
    INFO(bad);
    ParseFailure f = failure(bad);
    CHECK(f.code == ErrorCode::ParseError);
    CHECK(f.id.is_null());
    CHECK(f.message.rfind("invalid JSON", 0) == 0);
  }
}

TEST_CASE("invalid UTF-8 is a parse error") {
  CHECK(failure("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"\xC3\x28\"}}").code ==
        ErrorCode::ParseError);
  CHECK(failure("{\"jsonrpc\":\"2.0\",\"method\":\"\xFF\"}").code == ErrorCode::ParseError);
  // An unpaired surrogate escape is not a valid character either.
  CHECK(failure(R"({"jsonrpc":"2.0","method":"m","params":{"t":"\ud800"}})").code ==
        ErrorCode::ParseError);
  // Valid multi-byte UTF-8 is fine.
  CHECK(
      request(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"t\":\"\xF0\x9F\x98\x80\"}}")
          .params["t"] == "\xF0\x9F\x98\x80");
}

TEST_CASE("deep nesting is rejected quickly without recursion") {
  std::string deep(100000, '[');
  auto start = std::chrono::steady_clock::now();
  ParseFailure f = failure(deep);
  CHECK(f.code == ErrorCode::ParseError);
  CHECK(f.message.find("128") != std::string::npos);
  std::string balanced = std::string(100000, '[') + std::string(100000, ']');
  CHECK(failure(balanced).code == ErrorCode::ParseError);
  std::string objects;
  for (int i = 0; i < 50000; ++i)
    objects += "{\"a\":";
  CHECK(failure(objects).code == ErrorCode::ParseError);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));

  // Brackets inside strings do not count.
  std::string in_string =
      R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"t":")" + std::string(1000, '[') + "\"}}";
  CHECK(request(in_string).params["t"].get<std::string>().size() == 1000);
}

TEST_CASE("nesting at the limit is accepted, one more is not") {
  auto nested = [](int depth) { // params plus the envelope: depth total levels
    std::string open(static_cast<size_t>(depth - 1), '['),
        close(static_cast<size_t>(depth - 1), ']');
    return R"({"jsonrpc":"2.0","id":1,"method":"m","params":)" + open + close + "}";
  };
  CHECK(std::holds_alternative<Request>(parse_message(nested(128))));
  CHECK(failure(nested(129)).code == ErrorCode::ParseError);
  CHECK(std::holds_alternative<Request>(parse_message(nested(10), 10)));
  CHECK(std::holds_alternative<ParseFailure>(parse_message(nested(11), 10)));
}

TEST_CASE("batches are not supported") {
  ParseFailure f = failure(R"([{"jsonrpc":"2.0","id":1,"method":"a"}])");
  CHECK(f.code == ErrorCode::InvalidRequest);
  CHECK(f.message == "batch requests are not supported");
  CHECK(f.response() ==
        json{{"jsonrpc", "2.0"},
             {"id", nullptr},
             {"error", {{"code", -32600}, {"message", "batch requests are not supported"}}}});
  CHECK(failure("[]").message == "batch requests are not supported");
}

TEST_CASE("malformed requests are invalid requests, echoing a usable id") {
  ParseFailure not_object = failure("42");
  CHECK(not_object.code == ErrorCode::InvalidRequest);

  ParseFailure no_version = failure(R"({"id":1,"method":"m"})");
  CHECK(no_version.code == ErrorCode::InvalidRequest);
  CHECK(no_version.id == 1);

  CHECK(failure(R"({"jsonrpc":"1.0","id":1,"method":"m"})").code == ErrorCode::InvalidRequest);
  CHECK(failure(R"({"jsonrpc":2.0,"id":1,"method":"m"})").code == ErrorCode::InvalidRequest);

  ParseFailure bad_method = failure(R"({"jsonrpc":"2.0","id":"q","method":5})");
  CHECK(bad_method.code == ErrorCode::InvalidRequest);
  CHECK(bad_method.id == "q");
  CHECK(bad_method.message == "\"method\" must be a string");

  for (const char* params : {"1", "\"s\"", "true"}) {
    INFO(params);
    ParseFailure f =
        failure(std::string(R"({"jsonrpc":"2.0","id":2,"method":"m","params":)") + params + "}");
    CHECK(f.code == ErrorCode::InvalidRequest);
    CHECK(f.id == 2);
  }
  CHECK(failure(R"({"jsonrpc":"2.0","id":3})").message == "missing \"method\"");
}

TEST_CASE("builders produce JSON-RPC 2.0 messages") {
  CHECK(make_response(1, json{{"x", 1}}) ==
        json::parse(R"({"jsonrpc":"2.0","id":1,"result":{"x":1}})"));
  CHECK(make_response("a", nullptr) == json::parse(R"({"jsonrpc":"2.0","id":"a","result":null})"));
  CHECK(make_error(2, ErrorCode::MethodNotFound, "nope") ==
        json::parse(R"({"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"nope"}})"));
  CHECK(make_error(nullptr, -1, "m", json{{"why", 1}})["error"]["data"] == json{{"why", 1}});
  CHECK(make_request(5, "workspace/applyEdit", json{{"edit", json::object()}}) ==
        json::parse(
            R"({"jsonrpc":"2.0","id":5,"method":"workspace/applyEdit","params":{"edit":{}}})"));
  CHECK(!make_request(6, "shutdown").contains("params"));
  CHECK(make_notification("exit") == json::parse(R"({"jsonrpc":"2.0","method":"exit"})"));
  CHECK(make_notification("$/progress", json{{"token", 1}})["params"]["token"] == 1);
}

TEST_CASE("error codes have their specified values") {
  CHECK(ErrorCode::ParseError == -32700);
  CHECK(ErrorCode::InvalidRequest == -32600);
  CHECK(ErrorCode::MethodNotFound == -32601);
  CHECK(ErrorCode::InvalidParams == -32602);
  CHECK(ErrorCode::InternalError == -32603);
  CHECK(ErrorCode::ServerNotInitialized == -32002);
  CHECK(ErrorCode::RequestCancelled == -32800);
  CHECK(ErrorCode::ContentModified == -32801);
  CHECK(ErrorCode::RequestFailed == -32803);
}

TEST_CASE("what we build parses back as what it is") {
  CHECK(std::holds_alternative<Request>(parse_message(make_request(1, "m", json::array()).dump())));
  CHECK(std::holds_alternative<Notification>(parse_message(make_notification("n").dump())));
  CHECK(std::holds_alternative<Response>(parse_message(make_response(1, 2).dump())));
  CHECK(std::holds_alternative<Response>(parse_message(make_error(1, -1, "x").dump())));
}
