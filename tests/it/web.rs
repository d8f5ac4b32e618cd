//! Browser-only tests: the real clock, its timers, and the driver.

use std::cell::RefCell;
use std::rc::Rc;

use csp_playground::rt::{Clock, Kind, Run};
use csp_playground::web::{drive, live_timeouts, BrowserClock, DriverHandle, FrameCounter, Pace};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::wasm_bindgen_test;

/// Waits (for real, this is the browser clock) until the driver stops, at
/// most `limit_ms`.
async fn until_stopped(handle: &DriverHandle, limit_ms: u32) {
    let mut waited = 0;
    while !handle.is_stopped() && waited < limit_ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert!(handle.is_stopped(), "the run did not end within {limit_ms} ms");
}

fn outputs(run: &Run) -> Vec<String> {
    run.trace()
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Output { text, .. } => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

#[wasm_bindgen_test]
async fn browser_timers_fire_in_order() {
    let clock = Rc::new(BrowserClock::new());
    let run = Run::new(clock.clone(), 1);
    let rt = run.rt();
    run.start(async move {
        // main waits: a run ends (and kills the rest) when main returns.
        let wg = rt.wait_group("wg");
        for ms in [60u64, 20, 40] {
            let (rt2, wg) = (rt.clone(), wg.clone());
            wg.add(1).unwrap();
            rt.go(format!("sleep-{ms}"), async move {
                rt2.sleep(ms).await;
                rt2.output(format!("{ms}"));
                wg.done();
            });
        }
        wg.wait().await;
    });
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen2 = seen.clone();
    let handle = drive(
        run,
        Pace::Real,
        move |run| *seen2.borrow_mut() = outputs(run),
        |_| false,
    );
    until_stopped(&handle, 2000).await;
    assert_eq!(*seen.borrow(), ["20", "40", "60"]);
    assert_eq!(clock.pending_timers(), 0);
}

#[wasm_bindgen_test]
async fn fired_and_cleared_browser_timers_leave_no_timeout_alive() {
    // Other tests' clocks may still hold timers: count this clock's only.
    let before = live_timeouts();
    let clock = BrowserClock::new();
    let fired = Rc::new(RefCell::new(Vec::new()));
    for at in [5u64, 10, 15] {
        let fired = fired.clone();
        clock.set_timer(at, Box::new(move || fired.borrow_mut().push(at)));
    }
    let cleared = clock.set_timer(60_000, Box::new(|| panic!("a cleared timer fired")));
    assert_eq!(live_timeouts(), before + 4);
    clock.clear_timer(cleared);
    assert_eq!(live_timeouts(), before + 3, "clearing a timer drops its timeout");
    let mut waited = 0;
    while fired.borrow().len() < 3 && waited < 2000 {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert_eq!(*fired.borrow(), [5, 10, 15]);
    assert_eq!(clock.pending_timers(), 0);
    // Each fired timeout was dropped (closure and all), not forgotten.
    assert_eq!(live_timeouts(), before, "a fired timer's timeout is still alive");
    // A clock dropped with timers pending drops (and clears) them too.
    clock.set_timer(60_000, Box::new(|| panic!("a dropped clock's timer fired")));
    assert_eq!(live_timeouts(), before + 1);
    drop(clock);
    assert_eq!(live_timeouts(), before);
}

#[wasm_bindgen_test]
async fn dropping_a_sleep_clears_its_browser_timer() {
    let clock = Rc::new(BrowserClock::new());
    let run = Run::new(clock.clone(), 1);
    let rt = run.rt();
    run.start(async move {
        let won = rt
            .select()
            .future(rt.sleep(20), |()| "short")
            .future(rt.sleep(5_000), |()| "long")
            .await;
        rt.output(won);
    });
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen2 = seen.clone();
    let handle = drive(
        run,
        Pace::Real,
        move |run| *seen2.borrow_mut() = outputs(run),
        |_| false,
    );
    until_stopped(&handle, 2000).await;
    assert_eq!(*seen.borrow(), ["short"]);
    assert_eq!(clock.pending_timers(), 0, "the 5 s timer was not cleared");
}

#[wasm_bindgen_test]
async fn dropping_the_driver_cancels_every_task_and_timer() {
    let clock = Rc::new(BrowserClock::new());
    let run = Run::new(clock.clone(), 1);
    let weak = run.downgrade();
    let rt = run.rt();
    run.start(async move {
        for i in 0..4 {
            let rt2 = rt.clone();
            rt.go(format!("sleeper-{i}"), async move { rt2.sleep(60_000).await });
        }
        rt.sleep(60_000).await;
    });
    let handle = drive(run, Pace::Real, |_| {}, |_| false);
    TimeoutFuture::new(30).await;
    assert_eq!(handle.with_run(Run::live_tasks), Some(5));
    assert_eq!(clock.pending_timers(), 5);
    drop(handle);
    assert_eq!(clock.pending_timers(), 0);
    TimeoutFuture::new(10).await;
    assert!(!weak.is_alive(), "the run outlived its driver");
}

#[wasm_bindgen_test]
async fn a_virtual_run_in_the_browser_matches_the_native_trace_shape() {
    // The same seeded virtual run, driven flat out by the page's driver,
    // ends at the same virtual time with the same output as run_to_end.
    let make = || {
        let run = Run::new_virtual(5);
        let rt = run.rt();
        run.start(async move {
            let ch = rt.chan::<u32>("ch", 1);
            for i in 0..3u32 {
                let (rt2, tx) = (rt.clone(), ch.clone());
                rt.go(format!("w{i}"), async move {
                    rt2.sleep(u64::from(10 * (3 - i))).await;
                    tx.send(i).await.unwrap();
                });
            }
            for _ in 0..3 {
                let v = ch.recv().await.unwrap();
                rt.output(v.to_string());
            }
        });
        run
    };
    let direct = make();
    direct.run_to_end();
    let expected = serde_json::to_string(&direct.trace()).unwrap();

    let seen = Rc::new(RefCell::new(String::new()));
    let seen2 = seen.clone();
    let handle = drive(
        make(),
        Pace::Flat,
        move |run| *seen2.borrow_mut() = serde_json::to_string(&run.trace()).unwrap(),
        |_| false,
    );
    until_stopped(&handle, 2000).await;
    assert_eq!(*seen.borrow(), expected);
}

#[wasm_bindgen_test]
async fn a_big_run_keeps_animation_frames_flowing() {
    // Many tasks, each of which blocks once on a channel and is released:
    // far more work than one frame holds, even in a release build.
    let run = Run::new_virtual(1);
    run.set_level(csp_playground::rt::Level::Off);
    let rt = run.rt();
    let n = 100_000u32;
    run.start(async move {
        let gate = rt.chan::<()>("gate", 0);
        let wg = rt.wait_group("wg");
        for _ in 0..n {
            let (gate, wg) = (gate.clone(), wg.clone());
            let _ = wg.add(1);
            rt.go("t", async move {
                let _ = gate.recv().await;
                wg.done();
            });
        }
        rt.sleep(1).await;
        let _ = gate.close();
        wg.wait().await;
    });
    let counter = FrameCounter::start();
    let handle = drive(run, Pace::Flat, |_| {}, |_| false);
    until_stopped(&handle, 60_000).await;
    let (frames, longest_gap) = (counter.frames(), counter.longest_gap_ms());
    web_sys::console::log_1(&format!("{n} tasks: {frames} frames, longest gap {longest_gap:.0} ms").into());
    assert!(frames >= 3, "only {frames} animation frames during the run");
    assert!(longest_gap < 250.0, "a frame waited {longest_gap:.0} ms");
}

/// A virtual run whose main prints `lines` lines, one a virtual ms (so
/// one a poll).
fn printing(lines: u32) -> Run {
    let run = Run::new_virtual(1);
    let rt = run.rt();
    run.start(async move {
        for i in 0..lines {
            rt.output(format!("line {i}"));
            rt.sleep(1).await;
        }
    });
    run
}

#[wasm_bindgen_test]
async fn a_burst_of_output_is_shown_a_frame_at_a_time() {
    use csp_playground::view::{NewRows, ROWS_PER_FRAME};
    // A thousand lines in a few virtual milliseconds: unpaced, one slice
    // ran all of them and one render added every row at once.
    let run = printing(1000);
    let rows = Rc::new(RefCell::new(NewRows::default()));
    let added = Rc::new(RefCell::new(Vec::new()));
    let (rows2, added2, rows3) = (rows.clone(), added.clone(), rows.clone());
    let handle = drive(
        run,
        Pace::Flat,
        move |run| {
            let trace = run.log().snapshot();
            let mut rows = rows2.borrow_mut();
            added2.borrow_mut().push(trace.with(|events| rows.added(events)));
            trace.with(|events| rows.shown(events));
            if run.outcome().is_some() {
                added2.borrow_mut().push(usize::MAX - outputs(run).len());
            }
        },
        move |run| {
            run.log()
                .snapshot()
                .with(|events| rows3.borrow_mut().added(events))
                >= ROWS_PER_FRAME
        },
    );
    until_stopped(&handle, 30_000).await;
    let added = added.borrow();
    // The last entry says how many lines the final render showed.
    let (last, renders) = added.split_last().unwrap();
    assert_eq!(usize::MAX - last, 1000, "the final render shows every line");
    // Each poll prints one line and records a few events, and the driver
    // asks before every poll: a render overshoots by one poll's rows.
    let most = renders.iter().max().copied().unwrap_or(0);
    assert!(most <= ROWS_PER_FRAME + 8, "one render added {most} rows");
    assert!(
        renders.len() >= 10,
        "only {} renders for 1000 lines",
        renders.len()
    );
}

#[wasm_bindgen_test]
fn a_slice_stops_when_the_page_has_enough_to_show() {
    use csp_playground::web::Batch;
    let make = || printing(100_000);
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    // Enough from the start: the slice runs nothing at all.
    let run = make();
    Batch::default().run_slice(&run, u64::MAX, now(), |_| true);
    assert_eq!(run.log().len(), 0);
    // Enough at the first line: the slice ends at the poll that printed
    // it, where it would otherwise print for its whole time.
    let run = make();
    Batch::default().run_slice(&run, u64::MAX, now(), |run| !outputs(run).is_empty());
    assert_eq!(outputs(&run).len(), 1);
}
