//! Uses the packaged crates as a registry user would: `include_api!` on a
//! small spec of its own, one call through it, and one call through the
//! bindings the runtime generates from the spec files in its package, both
//! to a loopback server that answers two requests and records them.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::Duration;

mod api {
    sailpoint_isc::include_api!("spec.yaml");
}

/// The longest request head the server reads, in lines.
const MAX_HEAD_LINES: usize = 100;

/// Answers `replies.len()` connections on `listener` in order, one request
/// each, and returns the head (request line and headers) of every request.
fn serve(listener: TcpListener, replies: Vec<&'static str>) -> JoinHandle<Vec<String>> {
    std::thread::spawn(move || {
        replies
            .into_iter()
            .map(|body| {
                let (stream, _) = listener.accept().expect("accept");
                answer(stream, body)
            })
            .collect()
    })
}

fn answer(mut stream: TcpStream, body: &str) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
    let mut head = String::new();
    for _ in 0..MAX_HEAD_LINES {
        let mut line = String::new();
        if reader.read_line(&mut line).expect("read the request") == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    write!(
        stream,
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("write the response");
    head
}

#[tokio::main]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("local address");
    let server = serve(
        listener,
        vec![
            r#"{"text":"Hello, Abby"}"#,
            r#"{"requestId":"r-1","state":"FINISHED"}"#,
        ],
    );
    let client = sailpoint_isc::Client::builder()
        .base_url(format!("http://{addr}"))
        .bearer_token("probe-token")
        .request_timeout(Duration::from_secs(10))
        .build()
        .expect("client");

    let greeting = api::Api::new(client.clone())
        .get_greeting("Abby Smith")
        .await
        .expect("getGreeting");
    assert_eq!(greeting.text, "Hello, Abby");

    let status = client
        .v2024()
        .get_password_change_status("r-1")
        .await
        .expect("getPasswordChangeStatus");
    assert_eq!(status.request_id.as_deref(), Some("r-1"));
    assert_eq!(
        status.state,
        Some(sailpoint_isc::v2024::PasswordStatusState::Finished)
    );

    let heads = server.join().expect("server thread");
    assert!(
        heads[0].starts_with("GET /v1/greetings/Abby%20Smith HTTP/1.1\r\n"),
        "{}",
        heads[0]
    );
    assert!(
        heads[1].starts_with("GET /v2024/password-change-status/r-1 HTTP/1.1\r\n"),
        "{}",
        heads[1]
    );
    for head in &heads {
        assert!(
            head.to_ascii_lowercase()
                .contains("\r\nauthorization: bearer probe-token\r\n"),
            "{head}"
        );
    }
    println!("downstream probe: include_api! and the packaged bindings work");
}
