// Tests of the dispatcher: routing, the error boundary, reply-once, lifecycle, cancellation,
// duplicate ids and server→client requests.
#include "protocol/dispatcher.h"

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/invalid_params.h"
#include "protocol/json_read.h"
#include "protocol/lsp_basic.h"

using namespace mend::protocol;

namespace {

// A dispatcher wired to a list of what it sent and a list of what it logged.
struct Session {
  std::vector<json> sent;
  std::vector<std::string> logged;
  Dispatcher d;

  explicit Session(bool require_initialize = false)
      : d([this](json m) { sent.push_back(std::move(m)); },
          DispatcherOptions{require_initialize,
                            [this](std::string_view s) { logged.emplace_back(s); }}) {}

  void request(json id, std::string method, json params = json::object()) {
    d.dispatch(Request{std::move(id), std::move(method), std::move(params)});
  }
  void notify(std::string method, json params = json::object()) {
    d.dispatch(Notification{std::move(method), std::move(params)});
  }
  void raw(std::string_view body) { d.dispatch(parse_message(body)); }

  // The single message sent since the last call; fails if there is not exactly one.
  json take() {
    REQUIRE(sent.size() == 1);
    json m = std::move(sent.front());
    sent.clear();
    return m;
  }
  int error_code() {
    json m = take();
    REQUIRE(m.contains("error"));
    return m["error"]["code"].get<int>();
  }
};

} // namespace

TEST_CASE("a request reaches its handler and the result is sent with its id") {
  Session s;
  s.d.on_request("echo", [](const json& params, Reply reply) { reply(params); });
  s.request("abc", "echo", json{{"x", 1}});
  CHECK(s.take() == make_response("abc", json{{"x", 1}}));
  CHECK(s.d.pending_requests() == 0);
}

TEST_CASE("unknown request method is MethodNotFound and unknown notifications are ignored") {
  Session s;
  s.request(1, "no/such");
  json m = s.take();
  CHECK(m["id"] == 1);
  CHECK(m["error"]["code"] == ErrorCode::MethodNotFound);
  CHECK(m["error"]["message"] == "method not found: no/such");

  s.request(2, "$/unknownRequest");
  CHECK(s.error_code() == ErrorCode::MethodNotFound);

  s.notify("no/such");
  s.notify("$/setTrace", json{{"value", "off"}});
  CHECK(s.sent.empty());
  // Only the non-$/ notification is worth a log line.
  REQUIRE(s.logged.size() == 1);
  CHECK(s.logged[0].find("no/such") != std::string::npos);
}

TEST_CASE("notifications reach their handler") {
  Session s;
  std::vector<json> got;
  s.d.on_notification("textDocument/didSave", [&](const json& p) { got.push_back(p); });
  s.notify("textDocument/didSave", json{{"a", 1}});
  CHECK(got == std::vector<json>{json{{"a", 1}}});
  CHECK(s.sent.empty());
}

TEST_CASE("InvalidParams from a handler becomes -32602 naming the field") {
  Session s;
  s.d.on_request("textDocument/hover", [](const json& params, Reply reply) {
    auto p = params.get<TextDocumentPositionParams>();
    reply(p.position.line);
  });
  s.raw(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover",
            "params":{"textDocument":{},"position":{"line":0,"character":0}}})");
  json m = s.take();
  CHECK(m["id"] == 1);
  CHECK(m["error"]["code"] == ErrorCode::InvalidParams);
  CHECK(m["error"]["message"] == "invalid params: textDocument.uri: required field is missing");
  CHECK(m["error"]["data"]["path"] == "textDocument.uri");

  s.raw(R"({"jsonrpc":"2.0","id":2,"method":"textDocument/hover",
            "params":{"textDocument":{"uri":"file:///a"},"position":{"line":"3","character":0}}})");
  m = s.take();
  CHECK(m["error"]["message"] == "invalid params: position.line: expected an integer, got string");

  s.raw(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover",
            "params":{"textDocument":{"uri":"file:///a"},"position":{"line":-1,"character":0}}})");
  CHECK(s.take()["error"]["message"] ==
        "invalid params: position.line: must not be negative, got -1");

  s.raw(R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover"})"); // no params at all
  CHECK(s.take()["error"]["message"] == "invalid params: expected an object, got null");
}

TEST_CASE("any other exception from a handler becomes InternalError with its message") {
  Session s;
  s.d.on_request("boom", [](const json&, Reply) { throw std::runtime_error("disk on fire"); });
  s.d.on_request("json", [](const json& p, Reply r) { r(p.at("missing")); });
  s.request(1, "boom");
  json m = s.take();
  CHECK(m["error"]["code"] == ErrorCode::InternalError);
  CHECK(m["error"]["message"] == "disk on fire");
  s.request(2, "json");
  CHECK(s.error_code() == ErrorCode::InternalError);
  CHECK(s.d.pending_requests() == 0);
}

TEST_CASE("exceptions from notification handlers are logged, nothing is sent") {
  Session s;
  s.d.on_notification("n", [](const json&) { throw std::runtime_error("oops"); });
  s.notify("n");
  CHECK(s.sent.empty());
  REQUIRE(s.logged.size() == 1);
  CHECK(s.logged[0].find("oops") != std::string::npos);
}

TEST_CASE("every request is answered exactly once") {
  Session s;
  SECTION("a second reply is ignored and logged") {
    s.d.on_request("twice", [](const json&, Reply r) {
      r(1);
      r(2);
      r.error(ErrorCode::RequestFailed, "late");
    });
    s.request(1, "twice");
    CHECK(s.take() == make_response(1, 1));
    CHECK(s.logged.size() == 2);
  }
  SECTION("a dropped reply answers InternalError") {
    s.d.on_request("forget", [](const json&, Reply) {});
    s.request(1, "forget");
    json m = s.take();
    CHECK(m["error"]["code"] == ErrorCode::InternalError);
    CHECK(m["error"]["message"] == "request was not answered");
  }
  SECTION("a reply kept and dropped later still answers once") {
    std::optional<Reply> kept;
    s.d.on_request("keep", [&](const json&, Reply r) { kept.emplace(std::move(r)); });
    s.request(1, "keep");
    CHECK(s.sent.empty());
    CHECK(s.d.pending_requests() == 1);
    kept.reset();
    CHECK(s.take()["error"]["message"] == "request was not answered");
  }
  SECTION("an error reply") {
    s.d.on_request("fail", [](const json&, Reply r) {
      r.error(ErrorCode::RequestFailed, "cannot", json{{"why", "x"}});
    });
    s.request(9, "fail");
    CHECK(s.take() == make_error(9, ErrorCode::RequestFailed, "cannot", json{{"why", "x"}}));
  }
  SECTION("a handler that replies and then throws sends only the reply") {
    s.d.on_request("both", [](const json&, Reply r) {
      r(true);
      throw std::runtime_error("after");
    });
    s.request(1, "both");
    CHECK(s.take() == make_response(1, true));
  }
  SECTION("a handler that keeps the reply and throws: the error wins, the late reply is ignored") {
    std::optional<Reply> kept;
    s.d.on_request("keep-throw", [&](const json&, Reply r) {
      kept.emplace(std::move(r));
      throw std::runtime_error("bad");
    });
    s.request(1, "keep-throw");
    CHECK(s.take()["error"]["message"] == "bad");
    (*kept)(42);
    CHECK(s.sent.empty());
    CHECK(!s.logged.empty());
  }
  SECTION("moving a reply transfers the duty to answer") {
    std::optional<Reply> kept;
    s.d.on_request("move", [&](const json&, Reply r) {
      Reply other = std::move(r);
      kept.emplace(std::move(other));
    });
    s.request(1, "move");
    CHECK(s.sent.empty());
    (*kept)("done");
    CHECK(s.take() == make_response(1, "done"));
  }
}

TEST_CASE("async replies arrive later, in any order") {
  Session s;
  std::vector<Reply> waiting;
  s.d.on_request("slow", [&](const json&, Reply r) { waiting.push_back(std::move(r)); });
  s.request(1, "slow");
  s.request(2, "slow");
  CHECK(s.sent.empty());
  CHECK(s.d.pending_requests() == 2);
  waiting[1]("second");
  waiting[0]("first");
  REQUIRE(s.sent.size() == 2);
  CHECK(s.sent[0] == make_response(2, "second"));
  CHECK(s.sent[1] == make_response(1, "first"));
}

TEST_CASE("a reply that outlives the dispatcher is harmless") {
  std::optional<Reply> kept;
  std::vector<json> sent;
  {
    Dispatcher d([&](json m) { sent.push_back(std::move(m)); });
    d.on_request("keep", [&](const json&, Reply r) { kept.emplace(std::move(r)); });
    d.dispatch(Request{1, "keep", nullptr});
  }
  (*kept)(1);
  kept.reset();
  CHECK(sent.empty());
}

TEST_CASE("lifecycle gating when initialize is required") {
  Session s(/*require_initialize=*/true);
  std::vector<std::string> notes;
  std::optional<Reply> init_reply;
  s.d.on_request("initialize", [&](const json&, Reply r) { init_reply.emplace(std::move(r)); });
  s.d.on_request("hover", [](const json&, Reply r) { r("h"); });
  s.d.on_notification("didOpen", [&](const json&) { notes.push_back("didOpen"); });
  s.d.on_notification("exit", [&](const json&) { notes.push_back("exit"); });

  s.request(1, "hover");
  json m = s.take();
  CHECK(m["error"]["code"] == ErrorCode::ServerNotInitialized);
  CHECK(m["id"] == 1);
  s.notify("didOpen");
  CHECK(notes.empty());
  CHECK(s.sent.empty());

  s.request(2, "initialize");
  CHECK(s.sent.empty());
  s.request(3, "hover"); // still not initialized until initialize is answered
  CHECK(s.error_code() == ErrorCode::ServerNotInitialized);
  (*init_reply)(json{{"capabilities", json::object()}});
  CHECK(s.take()["id"] == 2);
  CHECK(s.d.initialized());

  s.request(4, "initialize");
  CHECK(s.error_code() == ErrorCode::InvalidRequest);
  s.request(5, "hover");
  CHECK(s.take() == make_response(5, "h"));
  s.notify("didOpen");
  CHECK(notes == std::vector<std::string>{"didOpen"});

  s.request(6, "shutdown"); // no handler: the dispatcher answers null itself
  CHECK(s.take() == make_response(6, nullptr));
  CHECK(s.d.shutdown_requested());
  s.request(7, "hover");
  json after = s.take();
  CHECK(after["error"]["code"] == ErrorCode::InvalidRequest);
  CHECK(after["id"] == 7);
  s.notify("didOpen");
  s.notify("exit");
  CHECK(notes == std::vector<std::string>{"didOpen", "exit"});
}

TEST_CASE("exit is delivered even before initialize") {
  Session s(true);
  bool exited = false;
  s.d.on_notification("exit", [&](const json&) { exited = true; });
  s.notify("exit");
  CHECK(exited);
}

TEST_CASE("a failed initialize can be retried") {
  Session s(true);
  int calls = 0;
  s.d.on_request("initialize", [&](const json&, Reply r) {
    if (++calls == 1)
      r.error(ErrorCode::RequestFailed, "not yet");
    else
      r(json::object());
  });
  s.request(1, "initialize");
  CHECK(s.error_code() == ErrorCode::RequestFailed);
  CHECK(!s.d.initialized());
  s.request(2, "initialize");
  CHECK(s.take()["result"] == json::object());
  CHECK(s.d.initialized());
}

TEST_CASE("without require_initialize requests work at once, shutdown still ends them") {
  Session s(false);
  s.d.on_request("hover", [](const json&, Reply r) { r(1); });
  bool shut = false;
  s.d.on_request("shutdown", [&](const json&, Reply r) {
    shut = true;
    r(nullptr);
  });
  s.request(1, "hover");
  CHECK(s.take() == make_response(1, 1));
  s.request(2, "shutdown");
  CHECK(shut);
  CHECK(s.take() == make_response(2, nullptr));
  s.request(3, "hover");
  CHECK(s.error_code() == ErrorCode::InvalidRequest);
}

TEST_CASE("cancellation") {
  Session s;
  std::vector<Reply> waiting;
  s.d.on_request("slow", [&](const json&, Reply r) { waiting.push_back(std::move(r)); });

  SECTION("cancelled before the reply: the reply becomes RequestCancelled") {
    s.request(1, "slow");
    CHECK(!waiting[0].cancelled());
    s.notify("$/cancelRequest", json{{"id", 1}});
    CHECK(waiting[0].cancelled());
    CHECK(s.sent.empty());
    waiting[0](json{{"big", "result"}});
    json m = s.take();
    CHECK(m["id"] == 1);
    CHECK(m["error"]["code"] == ErrorCode::RequestCancelled);
    CHECK(!m.contains("result"));
  }
  SECTION("cancelled after the reply: nothing more is sent") {
    s.request(1, "slow");
    waiting[0](5);
    CHECK(s.take() == make_response(1, 5));
    s.notify("$/cancelRequest", json{{"id", 1}});
    CHECK(s.sent.empty());
  }
  SECTION("cancelling an unknown id, or with a malformed id, does nothing") {
    s.request(1, "slow");
    s.notify("$/cancelRequest", json{{"id", 99}});
    s.notify("$/cancelRequest", json{{"id", "1"}}); // a string is a different id
    s.notify("$/cancelRequest", json{{"id", json::object()}});
    s.notify("$/cancelRequest", json::array());
    CHECK(!waiting[0].cancelled());
    waiting[0](1);
    CHECK(s.take() == make_response(1, 1));
  }
  SECTION("a cancelled request whose reply is dropped is still answered as cancelled") {
    s.request("x", "slow");
    s.notify("$/cancelRequest", json{{"id", "x"}});
    waiting.clear();
    CHECK(s.error_code() == ErrorCode::RequestCancelled);
  }
}

TEST_CASE("a duplicate in-flight id is rejected and the first request is unaffected") {
  Session s;
  std::vector<Reply> waiting;
  s.d.on_request("slow", [&](const json&, Reply r) { waiting.push_back(std::move(r)); });
  s.request(1, "slow");
  s.request(1, "slow");
  json m = s.take();
  CHECK(m["id"] == 1);
  CHECK(m["error"]["code"] == ErrorCode::InvalidRequest);
  CHECK(m["error"]["message"].get<std::string>().find("duplicate request id") == 0);
  REQUIRE(waiting.size() == 1);
  waiting[0]("first");
  CHECK(s.take() == make_response(1, "first"));

  // Once answered, the id may be used again; the old Reply cannot answer the new request.
  s.request(1, "slow");
  REQUIRE(waiting.size() == 2);
  waiting[0]("stale");
  CHECK(s.sent.empty());
  waiting[1]("fresh");
  CHECK(s.take() == make_response(1, "fresh"));

  // 1 and "1" are different ids.
  s.request(2, "slow");
  s.request("2", "slow");
  CHECK(s.sent.empty());
  CHECK(s.d.pending_requests() == 2);
}

TEST_CASE("parse failures are answered with their error") {
  Session s;
  s.raw("{not json");
  json m = s.take();
  CHECK(m["id"].is_null());
  CHECK(m["error"]["code"] == ErrorCode::ParseError);
  s.raw(R"([{"jsonrpc":"2.0","id":1,"method":"a"}])");
  CHECK(s.error_code() == ErrorCode::InvalidRequest);
}

TEST_CASE("a malformed notification is logged, never answered; exit still exits") {
  Session s(true);
  int initialized = 0, exits = 0;
  s.d.on_request("initialize", [](const json&, Reply r) { r(json::object()); });
  s.d.on_notification("initialized", [&](const json&) { ++initialized; });
  s.d.on_notification("exit", [&](const json&) { ++exits; });
  s.request(1, "initialize");
  s.take();
  for (const char* body :
       {R"({"jsonrpc":"2.0","method":"initialized","params":"x"})", R"({"method":"initialized"})",
        R"({"jsonrpc":"2.0","method":5,"params":{}})", R"({"jsonrpc":"2.0","method":["exit"]})"}) {
    INFO(body);
    std::size_t logged = s.logged.size();
    s.raw(body);
    CHECK(s.sent.empty());
    CHECK(s.logged.size() == logged + 1);
  }
  CHECK(initialized == 0);
  // params null is a well-formed notification; a broken exit is logged and still exits.
  s.raw(R"({"jsonrpc":"2.0","method":"initialized","params":null})");
  CHECK(initialized == 1);
  s.raw(R"({"jsonrpc":"2.0","method":"exit","params":7})");
  CHECK(exits == 1);
  CHECK(s.sent.empty());
  CHECK(s.logged.back().find("exiting all the same") != std::string::npos);
}

TEST_CASE("shutdown with params null is answered like shutdown without params") {
  Session s(true);
  s.d.on_request("initialize", [](const json&, Reply r) { r(json::object()); });
  s.d.on_request("shutdown", [](const json& params, Reply r) {
    CHECK(params.is_null());
    r(nullptr);
  });
  s.request(1, "initialize");
  s.take();
  s.raw(R"({"jsonrpc":"2.0","id":2,"method":"shutdown","params":null})");
  CHECK(s.take() == make_response(2, nullptr));
  CHECK(s.d.shutdown_requested());
}

TEST_CASE("server-to-client requests: ids are allocated and responses routed") {
  Session s;
  std::vector<std::string> seen;
  json id1 = s.d.send_request("workspace/applyEdit", json{{"edit", json::object()}},
                              [&](const json& result, const json* error) {
                                CHECK(error == nullptr);
                                seen.push_back("1:" + result.dump());
                              });
  json id2 = s.d.send_request("window/workDoneProgress/create", json{{"token", "t"}},
                              [&](const json& result, const json* error) {
                                REQUIRE(error != nullptr);
                                CHECK(result.is_null());
                                seen.push_back("2:" + (*error)["message"].get<std::string>());
                              });
  CHECK(id1 != id2);
  REQUIRE(s.sent.size() == 2);
  CHECK(s.sent[0] == make_request(id1, "workspace/applyEdit", json{{"edit", json::object()}}));
  CHECK(s.sent[1]["method"] == "window/workDoneProgress/create");
  CHECK(s.d.outstanding_requests() == 2);
  s.sent.clear();

  // Answered out of order, through the real parser.
  s.raw(make_error(id2, ErrorCode::RequestFailed, "no progress").dump());
  s.raw(make_response(id1, json{{"applied", true}}).dump());
  CHECK(seen == std::vector<std::string>{"2:no progress", "1:{\"applied\":true}"});
  CHECK(s.d.outstanding_requests() == 0);
  CHECK(s.sent.empty());

  // A second response to the same id, or one to an id never used, is logged and dropped.
  s.logged.clear();
  s.raw(make_response(id1, 1).dump());
  s.raw(make_response("nobody", 1).dump());
  CHECK(seen.size() == 2);
  CHECK(s.logged.size() == 2);
}

TEST_CASE("send_notification writes a notification") {
  Session s;
  s.d.send_notification("window/logMessage", json{{"type", 3}, {"message", "hi"}});
  CHECK(s.take() == make_notification("window/logMessage", json{{"type", 3}, {"message", "hi"}}));
}

TEST_CASE("a later registration replaces an earlier one") {
  Session s;
  s.d.on_request("m", [](const json&, Reply r) { r(1); });
  s.d.on_request("m", [](const json&, Reply r) { r(2); });
  s.request(1, "m");
  CHECK(s.take() == make_response(1, 2));
}

TEST_CASE("a result sent as text is the very bytes of the same result sent as JSON") {
  json result = {{"notes", json::array({{{"path", "a.md"}, {"é", 1.5}}, nullptr})},
                 {"mend", 1},
                 {"root", "caf\xc3\xa9"}};
  auto dumped = [](const json& m) {
    return m.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  for (json id : {json(7), json("seven")}) {
    std::vector<std::string> texts;
    std::vector<json> sent;
    DispatcherOptions options;
    options.raw_output = [&](std::string text) { texts.push_back(std::move(text)); };
    Dispatcher d([&](json m) { sent.push_back(std::move(m)); }, std::move(options));
    d.on_request("tree", [&](const json&, Reply reply) { reply(result); });
    d.on_request("text", [&](const json&, Reply reply) { reply.raw(dumped(result)); });
    d.dispatch(Request{id, "tree", json::object()});
    d.dispatch(Request{id, "text", json::object()});
    REQUIRE(sent.size() == 1);
    REQUIRE(texts.size() == 1);
    CHECK(texts[0] == dumped(sent[0]));
    CHECK(d.pending_requests() == 0);
  }
}

TEST_CASE("a result sent as text reaches a dispatcher without raw_output as JSON, and a cancelled "
          "one is still RequestCancelled") {
  Session s;
  std::optional<Reply> held;
  s.d.on_request("text", [](const json&, Reply reply) { reply.raw(R"({"a":[1,2]})"); });
  s.d.on_request("later", [&](const json&, Reply reply) { held = std::move(reply); });
  s.request(1, "text");
  CHECK(s.take() == make_response(1, json{{"a", {1, 2}}}));
  s.request(2, "later");
  s.notify("$/cancelRequest", json{{"id", 2}});
  held->raw(R"({"a":1})");
  CHECK(s.error_code() == ErrorCode::RequestCancelled);
}
