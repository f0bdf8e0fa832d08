//! Organizers on one shared meeting through the real sync server (Hocuspocus, sync/server.mjs,
//! started here on a free loopback port with its own data folder), each a `sync::client::Client`
//! over a WebSocket.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use agenda_planner::domain::sample::sample_meeting;
use agenda_planner::domain::{Meeting, Participant, Person, Role, Room, RoomId, Status};
use agenda_planner::sync::client::{Client, Event};
use agenda_planner::sync::doc::Shared;
use agenda_planner::sync::protocol;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// The sync server, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(data: &Path, port: u16) -> Server {
        let mut child = Command::new("node")
            .arg("sync/server.mjs")
            .env("AGENDA_SYNC_PORT", port.to_string())
            .env("AGENDA_SYNC_DATA", data)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs sync/server.mjs (make test installs its packages first)");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("a first line");
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the server says where it listens: {line:?}"));
        Server { child, port }
    }

    fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    fn kill(mut self) -> u16 {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.port
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn data_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agenda-sync-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a data folder");
    dir
}

/// splitmix64: a seeded random source.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn key(r: &mut Random) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..22).map(|_| ABC[r.below(64)] as char).collect()
}

/// One organizer: a client, its socket and the meeting it last read.
struct Peer {
    socket: Option<WebSocket<MaybeTlsStream<TcpStream>>>,
    client: Client,
    meeting: Meeting,
    random: Random,
    events: Vec<Event>,
}

impl Peer {
    fn new(document: &str, token: &str, shared: Shared, seed: u64) -> Peer {
        let mut shared = shared;
        let meeting = shared.meeting().map(|m| m.0).unwrap_or_default();
        Peer {
            socket: None,
            client: Client::new(document, token, shared),
            meeting,
            random: Random(seed),
            events: Vec::new(),
        }
    }

    fn connect(&mut self, url: &str) {
        let (socket, _) = tungstenite::connect(url).expect("the server takes the connection");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_millis(5)))
                .expect("a read timeout");
        }
        self.socket = Some(socket);
        for m in self.client.connected() {
            self.send(m);
        }
    }

    fn disconnect(&mut self) {
        if let Some(mut s) = self.socket.take() {
            let _ = s.close(None);
            let _ = s.flush();
        }
        self.client.disconnected();
    }

    fn send(&mut self, message: Vec<u8>) {
        if let Some(s) = &mut self.socket {
            if s.send(Message::binary(message)).is_err() {
                self.socket = None;
                self.client.disconnected();
            }
        }
    }

    /// Reads what has arrived (waiting at most a few milliseconds for it).
    fn pump(&mut self) {
        loop {
            let Some(s) = &mut self.socket else { return };
            match s.read() {
                Ok(Message::Binary(bytes)) => {
                    let (out, events) = self.client.receive(&bytes);
                    for m in out {
                        self.send(m);
                    }
                    if events.contains(&Event::Changed) {
                        self.meeting = self.client.shared.meeting().expect("readable").0;
                    }
                    self.events.extend(events);
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    return;
                }
                Err(_) => {
                    self.socket = None;
                    self.client.disconnected();
                    return;
                }
            }
        }
    }

    fn until(&mut self, what: &str, done: impl Fn(&Peer) -> bool) {
        let end = Instant::now() + Duration::from_secs(20);
        while !done(self) {
            assert!(Instant::now() < end, "timed out waiting for {what}");
            self.pump();
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut Meeting, &mut Random)) {
        let base = self.meeting.clone();
        let mut edited = base.clone();
        change(&mut edited, &mut self.random);
        let mut seed = self.random.next();
        let mut random = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed
        };
        if let Some(m) = self.client.edit(&base, &edited, &mut random) {
            self.send(m);
        }
        self.meeting = self.client.shared.meeting().expect("readable").0;
    }
}

/// A new shared meeting on the server: its name, edit key and read key, and the first peer.
fn shared_meeting(url: &str, meeting: &Meeting, seed: u64) -> (String, String, String, Peer) {
    let mut r = Random(seed);
    let (document, edit, read) = (format!("m-{}", key(&mut r)), key(&mut r), key(&mut r));
    let mut random = move || r.next();
    let shared = Shared::share(meeting, &mut random);
    let mut first = Peer::new(&document, &format!("claim.{edit}.{read}"), shared, seed + 1);
    first.connect(url);
    first.until("the first sync", |p| p.client.is_synced());
    first.until("the meeting saved", |p| p.client.unsaved() == 0);
    (document, edit, read, first)
}

fn joining(url: &str, document: &str, token: &str, seed: u64) -> Peer {
    let mut p = Peer::new(document, token, Shared::new(), seed);
    p.connect(url);
    p.until("the first sync", |p| {
        p.client.is_synced() || p.events.iter().any(|e| matches!(e, Event::Refused(_)))
    });
    p
}

fn room(id: u32, name: String) -> Room {
    Room {
        id: RoomId(id),
        name,
        capacity: None,
        description: String::new(),
    }
}

fn next_room(m: &Meeting) -> u32 {
    m.rooms.iter().map(|r| r.id.0).max().unwrap_or(0) + 1
}

/// One random edit of the kinds organizers make, each leaving a valid meeting.
fn random_edit(m: &mut Meeting, r: &mut Random, who: usize, i: usize) {
    let n = m.sessions.len();
    match r.below(8) {
        0 if n > 0 => m.sessions[r.below(n)].title = format!("Session renamed by {who} ({i})"),
        1 if n > 0 => {
            let s = r.below(n);
            let day = m.days.iter().find(|d| d.id == m.sessions[s].day).cloned();
            let shift = chrono::Duration::minutes(if r.below(2) == 0 { 15 } else { -15 });
            let session = &mut m.sessions[s];
            if let Some(day) = day {
                let (start, end) = (session.start + shift, session.end + shift);
                if start >= day.start && end <= day.end && start < end && !session.ends_next_day {
                    session.start = start;
                    session.end = end;
                }
            }
        }
        2 => {
            let id = next_room(m);
            m.rooms.push(room(id, format!("Room {id} of {who}")));
        }
        3 if n > 0 => {
            let id = m.people.iter().map(|p| p.id.0).max().unwrap_or(0) + 1;
            let mut p: Person = m.people[0].clone();
            p.id = agenda_planner::domain::PersonId(id);
            p.given_name = format!("Guest {who}.{i}");
            m.people.push(p);
            let s = r.below(n);
            let order = m.sessions[s].participants.len() as u32;
            m.sessions[s].participants.push(Participant {
                person: agenda_planner::domain::PersonId(id),
                role: Role::Panelist,
                status: Status::Invited,
                order,
            });
        }
        4 if n > 0 => {
            let s = r.below(n);
            if !m.sessions[s].participants.is_empty() {
                let p = r.below(m.sessions[s].participants.len());
                m.sessions[s].participants.remove(p);
            }
        }
        5 if n > 0 => m.sessions[r.below(n)].description = format!("Described by {who} ({i})"),
        6 if m.rooms.len() > 1 => {
            let (a, b) = (r.below(m.rooms.len()), r.below(m.rooms.len()));
            m.rooms.swap(a, b);
        }
        _ => m.title = format!("Meeting titled by {who} ({i})"),
    }
}

#[test]
fn three_organizers_making_300_edits_each_at_once_converge_on_one_valid_meeting() {
    let data = data_folder("three");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, _read, first) = shared_meeting(&url, &sample_meeting(), 1);
    let handles: Vec<_> = (0..3)
        .map(|who| {
            let (url, document, token) = (url.clone(), document.clone(), format!("edit.{edit}"));
            std::thread::spawn(move || {
                let mut p = joining(&url, &document, &token, 100 + who as u64);
                for i in 0..300 {
                    p.edit(|m, r| random_edit(m, r, who, i));
                    p.pump();
                }
                p.until("every edit saved", |p| p.client.unsaved() == 0);
                p
            })
        })
        .collect();
    let mut peers: Vec<Peer> = handles
        .into_iter()
        .map(|h| h.join().expect("an organizer's thread"))
        .collect();
    peers.push(first);
    // Everyone has sent everything; now each reads until all agree.
    let end = Instant::now() + Duration::from_secs(30);
    loop {
        for p in &mut peers {
            p.pump();
        }
        if peers.windows(2).all(|w| w[0].meeting == w[1].meeting) {
            break;
        }
        assert!(
            Instant::now() < end,
            "the organizers' meetings never agreed"
        );
    }
    let merged = &peers[0].meeting;
    assert_eq!(merged.validate(), vec![], "the merged meeting is valid");
    let late = joining(&url, &document, &format!("edit.{edit}"), 9);
    assert_eq!(
        &late.meeting, merged,
        "a newcomer reads the same meeting from the server"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn an_organizer_offline_for_100_edits_merges_on_reconnecting_with_nothing_lost() {
    let data = data_folder("offline");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, _read, mut online) = shared_meeting(&url, &sample_meeting(), 2);
    let mut offline = joining(&url, &document, &format!("edit.{edit}"), 20);
    offline.disconnect();
    for i in 0..100 {
        offline.edit(|m, _| {
            let id = next_room(m);
            m.rooms.push(room(id, format!("Offline room {i}")));
        });
        if i % 2 == 0 {
            online.edit(|m, _| {
                let id = next_room(m);
                m.rooms.push(room(id, format!("Online room {i}")));
            });
            online.pump();
        }
    }
    offline.connect(&url);
    offline.until("the sync after reconnecting", |p| {
        p.client.is_synced() && p.client.unsaved() == 0
    });
    let end = Instant::now() + Duration::from_secs(20);
    while online.meeting != offline.meeting {
        online.pump();
        offline.pump();
        assert!(Instant::now() < end, "the two never agreed");
    }
    let names: Vec<&str> = online
        .meeting
        .rooms
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    for i in 0..100 {
        assert!(
            names.contains(&format!("Offline room {i}").as_str()),
            "offline room {i} lost"
        );
        if i % 2 == 0 {
            assert!(
                names.contains(&format!("Online room {i}").as_str()),
                "online room {i} lost"
            );
        }
    }
    assert_eq!(online.meeting.validate(), vec![]);
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn every_edit_the_server_acknowledged_is_there_after_it_is_killed_and_restarted() {
    let data = data_folder("killed");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, _read, mut a) = shared_meeting(&url, &sample_meeting(), 3);
    let already = a.client.acknowledged();
    for i in 0..200 {
        a.edit(|m, _| {
            let id = next_room(m);
            m.rooms.push(room(id, format!("Room {i}")));
        });
        if i % 20 == 0 {
            a.pump();
        }
    }
    // Killed with edits still on their way: those it acknowledged must survive.
    let acknowledged = (a.client.acknowledged() - already) as usize;
    assert!(
        acknowledged > 0,
        "the server acknowledged nothing before it was killed"
    );
    eprintln!("killed after acknowledging {acknowledged} of 200 edits");
    let port = server.kill();
    let server = Server::start(&data, port);
    let b = joining(&server.url(), &document, &format!("edit.{edit}"), 30);
    let names: Vec<&str> = b.meeting.rooms.iter().map(|r| r.name.as_str()).collect();
    for i in 0..acknowledged {
        assert!(
            names.contains(&format!("Room {i}").as_str()),
            "room {i} was acknowledged but lost"
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn a_read_only_client_cannot_change_the_meeting_and_nobody_sees_what_it_sent() {
    let data = data_folder("read-only");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, read, mut a) = shared_meeting(&url, &sample_meeting(), 4);
    let mut reader = joining(&url, &document, &format!("read.{read}"), 40);
    assert!(reader.client.is_read_only());
    assert_eq!(reader.meeting, a.meeting, "the reader sees the meeting");
    // What its app would never send, sent anyway: a change, straight onto the socket.
    let before = reader.client.shared.doc().transact().state_vector();
    let base = reader.meeting.clone();
    let mut edited = base.clone();
    edited.title = "Changed by a reader".into();
    let mut r = Random(5);
    let mut random = move || r.next();
    reader.client.shared.write(&base, &edited, &mut random);
    use yrs::{ReadTxn, Transact};
    let update = reader
        .client
        .shared
        .doc()
        .transact()
        .encode_diff_v1(&before);
    reader.send(protocol::update(&document, &update));
    reader.until("the server's answer", |p| {
        p.events.iter().any(|e| matches!(e, Event::Rejected(_)))
    });
    std::thread::sleep(Duration::from_millis(200));
    a.pump();
    assert_ne!(a.meeting.title, "Changed by a reader");
    let late = joining(&url, &document, &format!("edit.{edit}"), 41);
    assert_ne!(late.meeting.title, "Changed by a reader");
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn garbled_tokens_and_updates_are_refused_and_the_meeting_is_unharmed() {
    let data = data_folder("garbled");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, read, a) = shared_meeting(&url, &sample_meeting(), 6);
    for token in [
        String::new(),
        "edit.".into(),
        format!("edit.{read}"),
        format!("read.{edit}x"),
        format!("claim.{edit}.{read}"),
        "edit.<img src=x onerror=alert(1)>".into(),
        "\u{202e}edit".into(),
        "x".repeat(100_000),
    ] {
        let p = joining(&url, &document, &token, 60);
        assert!(
            p.events.iter().any(|e| matches!(e, Event::Refused(_))),
            "token {:?} was not refused",
            token.chars().take(40).collect::<String>()
        );
        assert!(!p.client.is_synced());
    }
    let mut bad = joining(&url, &document, &format!("edit.{edit}"), 61);
    let mut r = Random(7);
    for length in [1, 7, 64, 4096] {
        let garbage: Vec<u8> = (0..length).map(|_| r.next() as u8).collect();
        bad.send(protocol::update(&document, &garbage));
    }
    bad.send(vec![0xff; 32]);
    std::thread::sleep(Duration::from_millis(300));
    let late = joining(&url, &document, &format!("edit.{edit}"), 62);
    assert_eq!(late.meeting, a.meeting, "the meeting is as it was");
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn an_attendee_on_the_published_link_sees_each_publication_live_and_never_a_draft() {
    use agenda_planner::sync::publication::{latest, publish};
    let data = data_folder("published");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (meeting_doc, _edit, _read, mut organizer) = shared_meeting(&url, &sample_meeting(), 8);
    // The organizers' publication document, with keys of its own.
    let mut r = Random(80);
    let (published, publish_key, attend_key) =
        (format!("p-{}", key(&mut r)), key(&mut r), key(&mut r));
    let mut publisher = Peer::new(
        &published,
        &format!("claim.{publish_key}.{attend_key}"),
        Shared::new(),
        81,
    );
    publisher.connect(&url);
    publisher.until("the publication document open", |p| p.client.is_synced());
    let first = organizer.meeting.clone();
    if let Some(m) = publisher.client.change(|s| {
        publish(s.doc(), &first, "2022-09-14 18:00");
        true
    }) {
        publisher.send(m);
    }
    publisher.until("the publication saved", |p| p.client.unsaved() == 0);

    let mut attendee = joining(&url, &published, &format!("read.{attend_key}"), 82);
    assert!(attendee.client.is_read_only());
    let seen = latest(attendee.client.shared.doc()).expect("the first publication");
    assert_eq!(seen.meeting.sessions.len(), first.sessions.len());
    assert_eq!(seen.note, "");

    // A draft: the organizers move a session. The attendee sees nothing of it.
    let id = organizer
        .meeting
        .sessions
        .iter()
        .find(|s| s.title == "Gendering R2P")
        .map(|s| s.id)
        .expect("the sample's session");
    organizer.edit(|m, _| {
        let s = m.sessions.iter_mut().find(|s| s.id == id).unwrap();
        s.start += chrono::Duration::minutes(15);
        s.end += chrono::Duration::minutes(15);
    });
    organizer.until("the draft saved", |p| p.client.unsaved() == 0);
    std::thread::sleep(Duration::from_millis(200));
    attendee.pump();
    let unchanged = latest(attendee.client.shared.doc()).unwrap();
    assert_eq!(
        unchanged.meeting, seen.meeting,
        "a draft reached an attendee"
    );
    // The attendee's key opens nothing but the publication.
    let peek = joining(&url, &meeting_doc, &format!("read.{attend_key}"), 83);
    assert!(peek.events.iter().any(|e| matches!(e, Event::Refused(_))));

    // Published: the attendee sees it, with what changed.
    let now = organizer.meeting.clone();
    if let Some(m) = publisher.client.change(|s| {
        publish(s.doc(), &now, "2022-09-15 10:42");
        true
    }) {
        publisher.send(m);
    }
    attendee.until("the new publication", |p| {
        latest(p.client.shared.doc()).is_some_and(|p| p.at == "2022-09-15 10:42")
    });
    let new = latest(attendee.client.shared.doc()).unwrap();
    let s = new
        .meeting
        .sessions
        .iter()
        .find(|s| s.title == "Gendering R2P")
        .unwrap();
    assert_eq!(s.start.to_string(), "16:30:00");
    assert!(new.note.contains("Moved: Gendering R2P"), "{}", new.note);
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn each_organizer_sees_who_else_is_here_and_which_session_they_have_open() {
    use agenda_planner::sync::client::Here;
    let data = data_folder("presence");
    let server = Server::start(&data, 0);
    let url = server.url();
    let (document, edit, _read, mut ana) = shared_meeting(&url, &sample_meeting(), 9);
    if let Some(m) = ana.client.present(Here {
        name: "Ana\u{1b}[31m".into(),
        session: Some(3),
    }) {
        ana.send(m);
    }
    let mut ben = joining(&url, &document, &format!("edit.{edit}"), 90);
    if let Some(m) = ben.client.present(Here {
        name: "Ben".into(),
        session: None,
    }) {
        ben.send(m);
    }
    ben.until("Ana's presence", |p| {
        p.client.others()
            == vec![Here {
                name: "Ana[31m".into(),
                session: Some(3),
            }]
    });
    ana.until("Ben's presence", |p| {
        p.client.others().iter().any(|h| h.name == "Ben")
    });
    ben.disconnect();
    ana.until("Ben gone", |p| p.client.others().is_empty());
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}
