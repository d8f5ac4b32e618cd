//! `view` from traces of real runs.

use csp_playground::patterns::{self, Params, PatternId};
use csp_playground::rt::{Event, Name, Op, Run, Wait};
use csp_playground::view::{self, LaneEnd, Span, SpanKind};

fn trace(id: PatternId, seed: u64) -> Vec<Event> {
    trace_of(&Params::defaults(id), seed)
}

fn trace_of(params: &Params, seed: u64) -> Vec<Event> {
    let run = Run::new_virtual(seed);
    patterns::start(&run, params);
    run.run_to_end();
    run.trace()
}

/// The deadline pattern's trace with these workers' work times.
fn deadline_trace(work_ms: &str, seed: u64) -> Vec<Event> {
    let mut params = Params::defaults(PatternId::Deadline);
    params.set("work_ms", work_ms).unwrap();
    trace_of(&params, seed)
}

tests! {
    fn spawn_wait_lanes_show_the_caller_parked_until_the_answer() {
        let lanes = view::lanes(&trace(PatternId::SpawnWait, 1));
        assert_eq!(lanes.len(), 2);
        assert_eq!(
            lanes[0].spans,
            [Span { start: 0, end: 1000, kind: SpanKind::Parked { on: Wait::Op(Op::Recv { chan: "res".into(), chan_id: 0 }) } }]
        );
        assert_eq!(lanes[0].end, LaneEnd::Returned(1000));
        assert_eq!(
            lanes[1].spans,
            [Span { start: 0, end: 1000, kind: SpanKind::Sleeping { until: 1000 } }]
        );
    }

    fn arrows_pair_each_send_with_its_receive() {
        let arrows = view::arrows(&trace(PatternId::SpawnWait, 1));
        assert_eq!(arrows.len(), 1);
        let a = &arrows[0];
        assert_eq!((&*a.chan, a.from_task, a.to_task, a.from_t, a.to_t), ("res", 1, 0, 1000, 1000));
        assert_eq!(&*a.value, "\"done after 1000 ms\"");
    }

    fn output_order_knows_each_words_source_position() {
        let words: Vec<&str> = "the quick brown fox jumped over the lazy dog".split(' ').collect();
        for seed in 1..6 {
            let out = view::outputs(&trace(PatternId::Words, seed));
            assert_eq!(out.len(), 9);
            for line in out {
                let label = line.label.expect("every word has a label");
                assert_eq!(label.noun, "word");
                assert_eq!(&*line.text, words[label.n as usize]);
            }
        }
    }

    fn refresher_state_at_a_time() {
        let t = trace(PatternId::TokenCache, 1);
        // (time, state, token, refreshes, waiting)
        for (at, state, token, refreshes, waiting) in [
            (100, "refreshing", "", 0, vec!["caller-0"]),
            (199, "refreshing", "", 0, vec!["caller-0", "caller-1"]),
            (250, "fresh", "tok-1", 1, vec![]),
            (1100, "refreshing", "tok-1", 1, vec!["caller-0", "caller-1"]),
            (1250, "fresh", "tok-2", 2, vec![]),
        ] {
            let r = view::refresher_at(&t, at).unwrap();
            assert_eq!(
                (r.state.to_string().as_str(), r.token.as_str(), r.refreshes, r.waiting.iter().map(String::as_str).collect::<Vec<_>>()),
                (state, token, refreshes, waiting),
                "at {at} ms"
            );
        }
        assert_eq!(view::refresher_at(&t, 250).unwrap().expires, Some(1200));
        assert!(view::refresher_at(&trace(PatternId::Words, 1), 100).is_none());
    }

    fn chrome_trace_is_trace_event_json() {
        let json = view::chrome_trace("deadline", &trace(PatternId::Deadline, 1));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let events = v["traceEvents"].as_array().unwrap();
        let threads: Vec<&str> = events
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| e["args"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(threads, ["main", "worker-0", "worker-1", "worker-2", "worker-3"]);
        for e in events {
            let ph = e["ph"].as_str().unwrap();
            assert!(["M", "X", "i", "s", "f"].contains(&ph), "{e}");
            if ph != "M" {
                assert!(e["ts"].is_u64() && e["pid"].is_u64() && e["tid"].is_u64(), "{e}");
            }
        }
        assert!(events.iter().any(|e| e["name"] == "print main: context deadline exceeded" && e["ts"] == 1_000_000));
    }

    fn a_trace_longer_than_a_chunk_reads_like_one_slice() {
        // 20 callers every 10 ms for 3 s: tens of thousands of events, so
        // the log spans several of its chunks.
        let mut p = Params::defaults(PatternId::TokenCache);
        for (k, v) in [("callers", "20"), ("call_every_ms", "10"), ("run_ms", "3000")] {
            p.set(k, v).unwrap();
        }
        let run = Run::new_virtual(1);
        patterns::start(&run, &p);
        run.run_to_end();
        let all = run.trace();
        assert!(all.len() > 20_000, "{} events", all.len());
        run.log().snapshot().with(|events| {
            assert_eq!(events.len(), all.len());
            assert_eq!(events.last(), all.last());
            for from in [0, 1, 8191, 8192, 8193, 16_384, all.len() - 1, all.len(), all.len() + 5] {
                assert!(events.iter_from(from).eq(all.iter().skip(from)), "from {from}");
            }
            for i in [0, 8191, 8192, all.len() - 1] {
                assert_eq!(events[i], all[i]);
            }
            assert_eq!(events.get(all.len()), None);
            for t in [0, 1, 999, 1000, 1500, 2000, 5000] {
                assert_eq!(events.partition_point(|e| e.t <= t), all.partition_point(|e| e.t <= t), "t {t}");
            }
        });
        let cut = run.log().snapshot().prefix(9000);
        assert!(cut.with(|events| events.iter().eq(all[..9000].iter())));
        // Time travel reads the same past from the chunks as from a slice.
        let at = cut.with(|events| view::Model::at_events(events, 700));
        assert_eq!(at.lanes(), view::Model::at(&all[..9000], 700).lanes());
    }

    fn a_crowded_timeline_draws_few_elements_and_keeps_every_lane() {
        let mut p = Params::defaults(PatternId::TokenCache);
        for (k, v) in [("callers", "20"), ("call_every_ms", "10"), ("run_ms", "2000")] {
            p.set(k, v).unwrap();
        }
        let trace = trace_of(&p, 1);
        let svg = view::svg("token cache", &trace, None);
        let elements = svg.matches('<').count() - svg.matches("</").count();
        // 22 lanes: a few elements each, however many spans and outputs.
        assert!(elements < 600, "{elements} elements");
        for lane in view::lanes(&trace) {
            assert!(svg.contains(&format!(">{}</text>", lane.name)), "{}", lane.name);
        }
        // Crowded rows are paths of dots and of spans.
        assert!(svg.contains(r#"<path class="dots out""#));
        assert!(svg.contains(r#"<path class="park""#));
        // Zoomed in far enough, marks are single again, with titles.
        let model = view::Model::of(&trace);
        let window = view::Window { range: Some((1000, 1020)), expanded: Vec::new() };
        let zoomed = view::timeline("token cache", &model, None, &window);
        assert!(zoomed.contains("<circle class=\"out\""), "{zoomed}");
        assert!(!zoomed.contains("dots"));
    }

    fn svg_draws_every_lane_and_the_deadline() {
        let svg = view::svg("deadline", &trace(PatternId::Deadline, 1), Some(600));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        for name in ["main", "worker-0", "worker-3"] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name}");
        }
        assert!(svg.contains("<title>deadline at 1000 ms</title>"));
        assert!(svg.contains("<title>now: 600 ms</title>"));
        assert_eq!(svg.matches("<svg").count(), 1);
    }

    fn log_lines_read_time_task_and_event() {
        let t = trace(PatternId::SpawnWait, 1);
        let lines: Vec<String> = t.iter().map(view::log_line).collect();
        assert!(lines.contains(&"  1000 ms  main         print \"done after 1000 ms\"".to_string()), "{lines:#?}");
        assert!(lines.contains(&"     0 ms  main         blocked on <-res".to_string()), "{lines:#?}");
    }
}

tests! {
    fn channels_show_buffers_and_blocked_tasks() {
        let t = trace(PatternId::WaitGroup, 1);
        // At 1000 ms both results are buffered, then drained; before, the
        // channel is empty and nobody is blocked on it.
        let at = |ms| view::channels_at(&t, ms);
        let res = |ms| at(ms).into_iter().find(|c| &*c.name == "res").unwrap();
        assert_eq!((res(500).cap, res(500).buffered.len(), res(500).closed), (2, 0, false));
        assert!(res(1000).closed);
        let spawn_wait = trace(PatternId::SpawnWait, 1);
        let res = view::channels_at(&spawn_wait, 500).into_iter().find(|c| &*c.name == "res").unwrap();
        assert_eq!((res.cap, res.receivers.clone()), (0, vec![Name::from("main")]));
        // A half-full buffer: the pipeline with buffer 3 holds values waiting.
        let mut p = Params::defaults(PatternId::Pipeline);
        p.set("buffer", "3").unwrap();
        let pt = trace_of(&p, 2);
        let max_buffered = (0..100).map(|ms| {
            view::channels_at(&pt, ms).iter().map(|c| c.buffered.len()).max().unwrap_or(0)
        }).max().unwrap();
        assert!((1..=3).contains(&max_buffered), "{max_buffered}");
    }
}

tests! {
    fn dropped_reply_channels_fold_into_one_line_however_long_the_run() {
        // token-future makes one reply channel per request; a long run must
        // not list each of them.
        for run_ms in ["5000", "20000"] {
            let mut params = Params::defaults(PatternId::TokenFuture);
            params.set("run_ms", run_ms).unwrap();
            params.set("shutdown_ms", run_ms).unwrap();
            let trace = trace_of(&params, 1);
            let end = view::end_time(&trace);
            let (live, dropped) = view::channel_groups(view::channels_at(&trace, end));
            let made = trace.iter().filter(|e| e.kind.name() == "make").count();
            assert!(made > 40, "{made} channels made");
            assert!(live.len() + dropped.len() <= 4, "run_ms {run_ms}: {live:?} {dropped:?}");
            // Channels made once are still listed by name at the end.
            assert!(live.iter().any(|c| &*c.name == "requests" && c.dropped), "{live:?}");
            let reply = dropped.iter().find(|g| g.like.starts_with("reply")).expect("a group of reply channels");
            assert!(reply.count > 30, "{reply:?}");
            assert_eq!(reply.holding, 0, "every reply was read: {reply:?}");
            // Mid-run, the channels still in use are listed one by one.
            let (live_mid, _) = view::channel_groups(view::channels_at(&trace, 1000));
            assert!(live_mid.iter().any(|c| &*c.name == "requests"), "{live_mid:?}");
        }
    }
}

tests! {
    fn folding_slice_by_slice_gives_what_folding_the_whole_trace_gives() {
        // The page folds each slice's new events into its model; any slicing
        // must give the model of the whole trace (and of every prefix).
        for id in PatternId::ALL {
            for (seed, slice) in [(1u64, 1usize), (2, 7), (3, 100)] {
                let run = Run::new_virtual(seed);
                patterns::start(&run, &Params::defaults(id));
                let mut model = view::Model::default();
                loop {
                    let ended = matches!(run.run_budget(slice, u64::MAX), csp_playground::rt::Step::Ended(_));
                    run.log().snapshot().with(|events| model.extend(events.iter_from(model.len())));
                    let whole = run.log().snapshot().with(|events| view::Model::of(events));
                    assert_eq!(model.lanes(), whole.lanes(), "{id:?} seed {seed}");
                    if ended {
                        break;
                    }
                }
                let trace = run.trace();
                let end = view::end_time(&trace);
                assert_eq!(model.lanes(), view::lanes(&trace), "{id:?}");
                assert_eq!(model.outputs().to_vec(), view::outputs(&trace), "{id:?}");
                assert_eq!(model.arrows(), view::arrows(&trace).as_slice(), "{id:?}");
                assert_eq!(model.channels(), view::channels_at(&trace, end), "{id:?}");
                assert_eq!(model.ledger(), view::deadline_ledger(&trace), "{id:?}");
                assert_eq!(model.refresher(), view::refresher_at(&trace, end), "{id:?}");
            }
        }
    }

    fn the_ledger_counts_its_workers_in_order_past_ten() {
        let trace = deadline_trace("100,200,300,400,500,600,700,800,900,1100,1200,1300", 3);
        let ledger = view::deadline_ledger(&trace).unwrap();
        let names: Vec<&str> = ledger.entries.iter().map(|e| e.worker.as_str()).collect();
        let want: Vec<String> = (0..12).map(|i| format!("worker-{i}")).collect();
        assert_eq!(names, want);
    }

    fn the_ledger_head_is_the_ledgers_start_and_counts_the_rest() {
        let model = view::Model::of(&deadline_trace("1100,100,1200,200,1300,300,1400,400,1500,500,600,1600", 5));
        let full = model.ledger().unwrap();
        for limit in [0, 1, 5, 11, 12, 50] {
            let (head, rest) = model.ledger_head(limit).unwrap();
            let cut = limit.min(full.entries.len());
            assert_eq!(head.entries, full.entries[..cut], "limit {limit}");
            assert_eq!((head.deadline, &head.err), (full.deadline, &full.err));
            let count = |s| full.entries[cut..].iter().filter(|e| e.status == s).count();
            assert_eq!(
                (rest.finished, rest.cancelled, rest.working, rest.len()),
                (count(view::LedgerStatus::Finished), count(view::LedgerStatus::Cancelled), count(view::LedgerStatus::Working), 12 - cut),
                "limit {limit}"
            );
        }
        // Six finished before the 1000 ms deadline and six were cancelled.
        let (_, rest) = model.ledger_head(0).unwrap();
        assert_eq!((rest.finished, rest.cancelled), (6, 6));
    }

    fn the_model_at_a_time_is_the_past_read_back_from_the_trace() {
        let trace = trace(PatternId::Deadline, 1);
        let at = |t| view::Model::at(&trace, t);
        // Before the deadline nobody is cancelled; after it two are.
        let cancelled = |t| at(t).ledger().unwrap().entries.iter().filter(|e| e.status == view::LedgerStatus::Cancelled).count();
        assert_eq!((cancelled(999), cancelled(1000)), (0, 2));
        assert_eq!(at(600).outputs().len(), 1);
        // Scrubbing back from the end gives what a run cut at 600 ms showed
        // (the trace a little past 600 ms, read at 600 ms).
        let past = trace.iter().position(|e| e.t > 600).unwrap() + 3;
        assert_eq!(at(600).lanes(), view::Model::at(&trace[..past], 600).lanes());
        assert_eq!(at(600).channels(), view::channels_at(&trace, 600));
    }
}

tests! {
    /// The event log's virtual list, at every size a run can reach: rows
    /// sit one row apart around the scroll position, the window holds every
    /// row in view, the last row is reachable, and the list never grows past
    /// what a browser lays out (a Go program can record millions of events,
    /// and rows placed past a browser's height cap were unreachable).
    fn virtual_rows_reach_every_row_at_every_size() {
        let (row_px, view_px) = (18, 324);
        // Up to 40 million rows: more than wasm32's 4 GiB holds, at about
        // 135 bytes an event.
        for rows in [0, 1, 5, 18, 19, 1000, 444_444, 444_445, 1_165_385, 7_000_000, 40_000_000] {
            let list = view::VirtualRows { rows, row_px, view_px };
            assert!(list.height() <= view::MAX_LIST_PX, "{rows} rows: height {}", list.height());
            let bottom = list.bottom();
            for scroll in [0, 1, 17, 18, bottom / 3, bottom / 2, bottom - 1, bottom].map(|s| s.clamp(0, bottom)) {
                let window = list.window(scroll, 0);
                assert!(window.start <= window.end && window.end <= rows, "{rows} rows at {scroll}: {window:?}");
                if rows == 0 {
                    continue;
                }
                // The window covers the view: its first row starts at or
                // above the view's top, its last ends at or below its bottom
                // (or is the last row).
                assert!(list.top(window.start, scroll) <= scroll, "{rows} rows at {scroll}: {window:?}");
                let end = list.top(window.end - 1, scroll) + row_px;
                assert!(end >= scroll + view_px || window.end == rows, "{rows} rows at {scroll}: {window:?} ends at {end}");
                for i in window.start..window.end.min(window.start + 40) - 1 {
                    assert_eq!(list.top(i + 1, scroll) - list.top(i, scroll), row_px);
                }
            }
            if rows > 0 {
                // Following: at the bottom, the last row ends where the view
                // does (or the list is shorter than the view).
                let last = list.top(rows - 1, bottom) + row_px;
                assert_eq!(last, (bottom + view_px).min(list.height()), "{rows} rows");
                assert_eq!(list.window(bottom, 0).end, rows);
                // Seeking: any row, centred, is in view.
                for row in [0, rows / 7, rows / 2, rows - 1] {
                    let scroll = list.centre(row);
                    assert!((0..=bottom).contains(&scroll), "{rows} rows: row {row} at {scroll}");
                    assert!(list.window(scroll, 0).contains(&row), "{rows} rows: row {row} at {scroll}");
                    let top = list.top(row, scroll);
                    assert!(top >= scroll && top + row_px <= scroll + view_px.min(list.height()), "{rows} rows: row {row} at {top}, view at {scroll}");
                }
            }
        }
    }
}
