//! `rt` against Go's rules, on the virtual clock. Each case is a row through
//! a helper that runs a small program and returns what it observed.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use csp_playground::rt::{Clock, CtxError, Event, Kind, Outcome, Run, SendError, Step};

/// Runs `body` as `main` on a fresh virtual run with `seed`; returns the
/// outcome and the trace.
fn run_main<F, Fut>(seed: u64, body: F) -> (Outcome, Vec<Event>)
where
    F: FnOnce(csp_playground::rt::Rt) -> Fut,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let run = Run::new_virtual(seed);
    run.start(body(run.rt()));
    let outcome = run.run_to_end();
    (outcome, run.trace())
}

/// The printed lines, with their times.
fn outputs(trace: &[Event]) -> Vec<(u64, String)> {
    trace
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Output { text, .. } => Some((e.t, text.to_string())),
            _ => None,
        })
        .collect()
}

/// A producer sends `values` values into a channel of capacity `cap`; the
/// consumer starts receiving at t = 100. Returns when each send completed.
fn send_times(cap: usize, values: u32) -> Vec<(u64, String)> {
    let (outcome, trace) = run_main(1, move |rt| async move {
        let ch = rt.chan::<u32>("ch", cap);
        let tx = ch.clone();
        let rt2 = rt.clone();
        rt.go("producer", async move {
            for v in 0..values {
                tx.send(v).await.unwrap();
                rt2.output(format!("sent {v}"));
            }
        });
        rt.sleep(100).await;
        for _ in 0..values {
            ch.recv().await.unwrap();
        }
    });
    assert!(matches!(outcome, Outcome::Finished { .. }), "{outcome:?}");
    outputs(&trace)
}

tests! {
    fn a_channel_of_capacity_n_holds_exactly_n() {
        // (capacity, sends that complete before the receiver arrives at 100)
        for (cap, early) in [(0usize, 0usize), (1, 1), (2, 2), (3, 3)] {
            let times = send_times(cap, 4);
            let before = times.iter().filter(|(t, _)| *t == 0).count();
            assert_eq!(before, early, "capacity {cap}: {times:?}");
            assert!(times[early..].iter().all(|(t, _)| *t == 100), "capacity {cap}: {times:?}");
        }
    }

    fn unbuffered_send_completes_when_received() {
        let (_, trace) = run_main(7, |rt| async move {
            let ch = rt.chan::<&str>("ping", 0);
            let tx = ch.clone();
            let rt2 = rt.clone();
            rt.go("sender", async move {
                tx.send("hi").await.unwrap();
                rt2.output(format!("send done at {}", rt2.now()));
            });
            rt.sleep(250).await;
            let v = ch.recv().await.unwrap();
            rt.output(format!("got {v} at {}", rt.now()));
            rt.sleep(1).await;
        });
        let lines: BTreeSet<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            lines,
            BTreeSet::from(["send done at 250".to_string(), "got hi at 250".to_string()])
        );
    }

    fn close_drains_the_buffer_then_ends_receivers() {
        let (_, trace) = run_main(1, |rt| async move {
            let ch = rt.chan::<u32>("ch", 3);
            for v in [1, 2, 3] {
                ch.send(v).await.unwrap();
            }
            ch.close().unwrap();
            while let Some(v) = ch.recv().await {
                rt.output(v.to_string());
            }
            rt.output("closed");
        });
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines, ["1", "2", "3", "closed"]);
    }

    fn send_on_closed_and_double_close_are_errors() {
        let (_, trace) = run_main(1, |rt| async move {
            let ch = rt.chan::<u32>("ch", 1);
            ch.close().unwrap();
            assert_eq!(ch.send(5).await, Err(SendError(5)));
            assert!(ch.close().is_err());
        });
        let errors: Vec<_> = trace
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Error { message } => Some(message.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(errors, ["send on closed channel", "close of closed channel"]);
    }

    fn close_wakes_blocked_senders_with_an_error() {
        let (outcome, trace) = run_main(1, |rt| async move {
            let ch = rt.chan::<u32>("ch", 0);
            let tx = ch.clone();
            let rt2 = rt.clone();
            rt.go("sender", async move {
                let r = tx.send(1).await;
                rt2.output(format!("{r:?}"));
            });
            rt.sleep(10).await;
            ch.close().unwrap();
            rt.sleep(10).await;
        });
        assert_eq!(outcome, Outcome::Finished { at: 20 });
        assert_eq!(outputs(&trace), [(10, "Err(SendError(1))".to_string())]);
    }

    fn select_chooses_among_ready_arms_by_seed() {
        let mut seen = BTreeSet::new();
        for seed in 0..40 {
            let (_, trace) = run_main(seed, |rt| async move {
                let a = rt.chan::<u32>("a", 1);
                let b = rt.chan::<u32>("b", 1);
                a.send(1).await.unwrap();
                b.send(2).await.unwrap();
                let got = rt.select().recv(&a, |v| v).recv(&b, |v| v).await;
                rt.output(format!("{got:?}"));
            });
            seen.insert(outputs(&trace)[0].1.clone());
        }
        assert_eq!(seen, BTreeSet::from(["Some(1)".to_string(), "Some(2)".to_string()]));
    }

    fn select_takes_default_only_when_nothing_is_ready() {
        // (value buffered first?, expected choice)
        for (ready, expected) in [(false, "default"), (true, "Some(9)")] {
            let (_, trace) = run_main(1, move |rt| async move {
                let a = rt.chan::<u32>("a", 1);
                if ready {
                    a.send(9).await.unwrap();
                }
                let got = rt
                    .select()
                    .recv(&a, |v| format!("{v:?}"))
                    .default(|| "default".to_string())
                    .await;
                rt.output(got);
            });
            assert_eq!(outputs(&trace)[0].1, expected);
        }
    }

    fn a_select_that_completed_is_no_longer_a_blocked_receiver() {
        let (_, trace) = run_main(1, |rt| async move {
            let a = rt.chan::<u32>("a", 0);
            let b = rt.chan::<u32>("b", 0);
            let (rt2, a2, b2) = (rt.clone(), a.clone(), b.clone());
            rt.go("selector", async move {
                let _ = rt2.select().recv(&a2, |v| v).recv(&b2, |v| v).await;
            });
            rt.sleep(1).await;
            rt.output(format!("{} {}", a.blocked_receivers(), b.blocked_receivers()));
            a.send(7).await.unwrap();
            rt.output(format!("{} {}", a.blocked_receivers(), b.blocked_receivers()));
        });
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines, ["1 1", "0 0"]);
    }

    fn select_completes_exactly_one_arm() {
        // Two senders are parked on a select's two recv arms' channels... the
        // select must take one and leave the other sender blocked.
        let (outcome, trace) = run_main(3, |rt| async move {
            let a = rt.chan::<u32>("a", 0);
            let b = rt.chan::<u32>("b", 0);
            let (a2, b2) = (a.clone(), b.clone());
            rt.go("send-a", async move { let _ = a2.send(1).await; });
            rt.go("send-b", async move { let _ = b2.send(2).await; });
            rt.sleep(5).await;
            let got = rt.select().recv(&a, |v| v).recv(&b, |v| v).await;
            rt.output(format!("{got:?}"));
            rt.output(format!("blocked {}", a.blocked_senders() + b.blocked_senders()));
        });
        assert!(matches!(outcome, Outcome::Finished { at: 5 }));
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines[1], "blocked 1", "{lines:?}");
        // main returned with one sender still blocked and the other woken
        // by the select but not yet run: Go's exit kills both, and neither
        // runs again.
        assert_eq!(trace.iter().filter(|e| matches!(e.kind, Kind::Killed { .. })).count(), 2);
    }

    fn context_deadline_fires_exactly_and_cancels_children() {
        let (outcome, trace) = run_main(1, |rt| async move {
            let ctx = rt.background().with_deadline("req", 1000);
            let child = ctx.with_cancel("child");
            let late = ctx.with_deadline("late", 5000);
            assert_eq!(late.deadline(), Some(1000));
            child.done().await;
            rt.output(format!("{} {:?} {:?}", rt.now(), child.err(), late.err()));
        });
        assert_eq!(outcome, Outcome::Finished { at: 1000 });
        assert_eq!(
            outputs(&trace),
            [(1000, "1000 Some(DeadlineExceeded) Some(DeadlineExceeded)".to_string())]
        );
    }

    fn cancel_reaches_children_but_not_parents() {
        let (_, trace) = run_main(1, |rt| async move {
            let parent = rt.background().with_cancel("parent");
            let child = parent.with_cancel("child");
            child.cancel();
            rt.output(format!("{:?} {:?}", parent.err(), child.err()));
            parent.cancel();
            let after = parent.with_cancel("after");
            rt.output(format!("{:?}", after.err()));
        });
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines, ["None Some(Canceled)", "Some(Canceled)"]);
        assert_eq!(CtxError::Canceled.to_string(), "context canceled");
        assert_eq!(CtxError::DeadlineExceeded.to_string(), "context deadline exceeded");
    }

    fn wait_group_waits_for_every_worker() {
        let (outcome, trace) = run_main(5, |rt| async move {
            let wg = rt.wait_group("wg");
            for ms in [300u64, 100, 700] {
                wg.add(1).unwrap();
                let (rt2, wg) = (rt.clone(), wg.clone());
                rt.go(format!("w{ms}"), async move {
                    rt2.sleep(ms).await;
                    wg.done();
                });
            }
            wg.wait().await;
            rt.output(format!("waited until {}", rt.now()));
            assert!(wg.add(-1).is_err());
        });
        assert_eq!(outcome, Outcome::Finished { at: 700 });
        assert_eq!(outputs(&trace), [(700, "waited until 700".to_string())]);
    }

    fn waiters_that_leave_a_context_one_by_one_leave_the_rest_waiting() {
        // 2,000 tasks race a timer against one context; the first 1,500
        // timers fire first and those tasks leave the context's waiters one
        // at a time. Cancelling then wakes exactly the 500 left.
        let (outcome, trace) = run_main(4, |rt| async move {
            let ctx = rt.background().with_cancel("ctx");
            let woken = Rc::new(RefCell::new(0u32));
            for i in 0..2000u64 {
                let (rt2, ctx, woken) = (rt.clone(), ctx.clone(), woken.clone());
                rt.go(format!("w{i}"), async move {
                    let cancelled = rt2
                        .select()
                        .future(ctx.done(), |()| true)
                        .future(rt2.sleep(1 + i), |()| false)
                        .await;
                    if cancelled {
                        *woken.borrow_mut() += 1;
                    }
                });
            }
            rt.sleep(1500).await;
            ctx.cancel();
            rt.sleep(1).await;
            rt.output(format!("{} woken at cancel", woken.borrow()));
        });
        assert_eq!(outcome, Outcome::Finished { at: 1501 });
        assert_eq!(outputs(&trace), [(1501, "500 woken at cancel".to_string())]);
    }

    fn a_lock_waiter_that_gave_up_is_not_named_or_handed_the_lock() {
        let (_, trace) = run_main(2, |rt| async move {
            let mu = rt.mutex("mu", Vec::<u32>::new());
            let guard = mu.lock().await;
            let mut handles = Vec::new();
            for i in 0..4u32 {
                let (rt2, mu) = (rt.clone(), mu.clone());
                handles.push(rt.spawn(format!("c{i}"), async move {
                    rt2.sleep(u64::from(i)).await;
                    mu.lock().await.borrow_mut().push(i);
                }));
            }
            rt.sleep(10).await;
            // c1 and c3 give up: their tasks, parked on the lock, are dropped.
            let mut i = 0;
            handles.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            rt.output(format!("{:?}", mu.waiters()));
            drop(guard);
            rt.sleep(1).await;
            rt.output(format!("{:?}", mu.lock().await.borrow()));
            drop(handles);
        });
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines, [r#"["c0", "c2"]"#, "[0, 2]"]);
    }

    fn mutex_hands_over_in_arrival_order() {
        let (_, trace) = run_main(9, |rt| async move {
            let mu = rt.mutex("mu", Vec::<u32>::new());
            let guard = mu.lock().await;
            for i in 0..3u32 {
                let (rt2, mu) = (rt.clone(), mu.clone());
                rt.go(format!("c{i}"), async move {
                    rt2.sleep(u64::from(i)).await;
                    mu.lock().await.borrow_mut().push(i);
                });
            }
            rt.sleep(10).await;
            rt.output(format!("{:?}", mu.waiters()));
            drop(guard);
            rt.sleep(1).await;
            rt.output(format!("{:?}", mu.lock().await.borrow()));
        });
        let lines: Vec<_> = outputs(&trace).into_iter().map(|(_, s)| s).collect();
        assert_eq!(lines, [r#"["c0", "c1", "c2"]"#, "[0, 1, 2]"]);
    }

    fn a_deadlock_names_the_blocked_tasks() {
        let (outcome, _) = run_main(1, |rt| async move {
            let ch = rt.chan::<u32>("results", 0);
            let other = rt.chan::<u32>("words", 0);
            rt.go("worker", async move { let _ = other.send(1).await; });
            let _ = ch.recv().await;
        });
        let Outcome::Deadlock(deadlock) = outcome else { panic!("expected a deadlock, got {outcome:?}") };
        let blocked: Vec<(u32, &str, String)> = deadlock
            .blocked
            .iter()
            .map(|b| (b.task_id, b.task.as_str(), b.wait.as_ref().map(ToString::to_string).unwrap_or_default()))
            .collect();
        assert_eq!(blocked, [(0, "main", "<-results".to_string()), (1, "worker", "words <- v".to_string())]);
        // Go's words: the fatal error, then each goroutine with its status.
        assert_eq!(
            deadlock.to_string(),
            "fatal error: all goroutines are asleep - deadlock!\n\n\
             goroutine 1 [chan receive]: main: <-results\n\n\
             goroutine 2 [chan send]: worker: words <- v"
        );
    }

    fn the_same_seed_gives_the_same_trace() {
        let race = |seed| {
            run_main(seed, |rt| async move {
                let ch = rt.chan::<u32>("ch", 0);
                for i in 0..3 {
                    let (rt2, tx) = (rt.clone(), ch.clone());
                    rt.go(format!("sender-{i}"), async move {
                        rt2.sleep(10).await;
                        tx.send(i).await.unwrap();
                    });
                }
                for _ in 0..3 {
                    let v = ch.recv().await.unwrap();
                    rt.output(v.to_string());
                }
            })
            .1
        };
        let json = |trace: Vec<Event>| serde_json::to_string(&trace).unwrap();
        assert_eq!(json(race(11)), json(race(11)));
        let orders: BTreeSet<Vec<(u64, String)>> = (0..100).map(|seed| outputs(&race(seed))).collect();
        assert!(orders.len() > 1, "100 seeds gave one order: {orders:?}");
    }

    fn dropping_a_run_leaves_no_task_and_no_timer() {
        let before = csp_playground::rt::live_runs();
        let clock = Rc::new(csp_playground::rt::VirtualClock::new());
        let run = Run::new(clock.clone(), 1);
        let rt = run.rt();
        run.start(async move {
            let ch = rt.chan::<u32>("never", 0);
            let ctx = rt.background().with_timeout("ctx", 10_000);
            for i in 0..5 {
                let (rt2, ch) = (rt.clone(), ch.clone());
                rt.go(format!("sleeper-{i}"), async move { rt2.sleep(5000).await });
                rt.go(format!("blocked-{i}"), async move { let _ = ch.recv().await; });
            }
            ctx.done().await;
        });
        assert_eq!(run.run_until(100), Step::Waiting);
        assert_eq!(run.live_tasks(), 11);
        assert_eq!(clock.pending_timers(), 6);
        let weak = run.downgrade();
        drop(run);
        assert!(!weak.is_alive(), "the run's state outlived it");
        assert_eq!(clock.pending_timers(), 0);
        assert_eq!(csp_playground::rt::live_runs(), before);
    }

    fn dropping_a_sleep_clears_its_timer() {
        let clock = Rc::new(csp_playground::rt::VirtualClock::new());
        let run = Run::new(clock.clone(), 1);
        let rt = run.rt();
        let seen = Rc::new(RefCell::new(Vec::new()));
        let seen2 = seen.clone();
        run.start(async move {
            let won = rt.select().future(rt.sleep(50), |()| "short").future(rt.sleep(500), |()| "long").await;
            seen2.borrow_mut().push((won, rt.now()));
        });
        assert_eq!(run.run_to_end(), Outcome::Finished { at: 50 });
        assert_eq!(*seen.borrow(), [("short", 50)]);
        assert_eq!(clock.pending_timers(), 0);
    }

    fn a_task_handle_cancels_on_drop_and_detach_lets_it_run() {
        let (_, trace) = run_main(1, |rt| async move {
            let rt2 = rt.clone();
            let handle = rt.spawn("dropped", async move {
                rt2.sleep(10).await;
                rt2.output("dropped task ran");
            });
            let rt3 = rt.clone();
            rt.spawn("detached", async move {
                rt3.sleep(10).await;
                rt3.output("detached task ran");
            })
            .detach();
            assert!(!handle.is_finished());
            drop(handle);
            rt.sleep(20).await;
        });
        assert_eq!(outputs(&trace), [(10, "detached task ran".to_string())]);
    }
}

/// A `select` whose timer arm wins leaves its channel arm behind; afterwards
/// a plain send and receive on that channel must pair with each other. Each
/// row: the channel's capacity and whether the abandoned arm was a receive or
/// a send. Returns what `main` printed.
fn after_timer_wins(cap: usize, abandoned_recv: bool, seed: u64) -> Vec<String> {
    let (outcome, trace) = run_main(seed, move |rt| async move {
        let ch = rt.chan::<u32>("ch", cap);
        let won = if abandoned_recv {
            rt.select()
                .recv(&ch, |_| "recv")
                .future(rt.sleep(10), |()| "timer")
                .await
        } else {
            // Fill the buffer first, so the send arm has to wait.
            for _ in 0..cap {
                ch.send(0).await.unwrap();
            }
            let won = rt
                .select()
                .send(&ch, 1, |_| "send")
                .future(rt.sleep(10), |()| "timer")
                .await;
            for _ in 0..cap {
                ch.recv().await.unwrap();
            }
            won
        };
        rt.output(won);
        let tx = ch.clone();
        rt.go("sender", async move {
            tx.send(42).await.unwrap();
        });
        rt.sleep(5).await;
        let got = ch.recv().await;
        rt.output(format!("got {got:?}"));
    });
    assert!(matches!(outcome, Outcome::Finished { .. }), "{outcome:?}");
    outputs(&trace).into_iter().map(|(_, text)| text).collect()
}

tests! {
    fn a_wait_that_lost_its_select_never_takes_a_value() {
        // (capacity, the losing arm was a receive)
        for (cap, recv) in [(0, true), (1, true), (2, true), (0, false), (1, false), (2, false)] {
            for seed in 0..4 {
                assert_eq!(
                    after_timer_wins(cap, recv, seed),
                    ["timer", "got Some(42)"],
                    "capacity {cap}, abandoned {}, seed {seed}",
                    if recv { "receive" } else { "send" }
                );
            }
        }
    }
}

tests! {
    /// The virtual clock's timers, through many sets and clears while an
    /// early and a late timer stay pending (the clock drops cleared timers
    /// lazily, and compacts once they outnumber the pending): the count
    /// stays exact, and what fires fires at its time, in the order set.
    fn timers_stay_exact_and_ordered_through_many_clears() {
        use csp_playground::rt::VirtualClock;
        let clock = VirtualClock::new();
        let fired = Rc::new(RefCell::new(Vec::new()));
        let at = |name: &'static str| {
            let fired = fired.clone();
            Box::new(move || fired.borrow_mut().push(name)) as Box<dyn FnOnce()>
        };
        let late = clock.set_timer(1_000_000, at("late"));
        clock.set_timer(5, at("early"));
        for i in 0..10_000u64 {
            let id = clock.set_timer(500_000 + i, at("cleared"));
            clock.clear_timer(id);
            assert_eq!(clock.pending_timers(), 2);
        }
        clock.set_timer(10, at("a"));
        clock.set_timer(10, at("b"));
        clock.set_timer(7, at("c"));
        assert_eq!((clock.pending_timers(), clock.next_timer()), (5, Some(5)));
        clock.advance_to(20);
        assert_eq!(*fired.borrow(), ["early", "c", "a", "b"]);
        assert_eq!((clock.pending_timers(), clock.next_timer()), (1, Some(1_000_000)));
        // One early timer waiting while a hundred thousand others fire:
        // the list keeps places in proportion to what is pending (it kept
        // one for every timer ever set).
        let early = clock.set_timer(1_500_000, at("early"));
        for i in 0..100_000u64 {
            clock.set_timer(1_000 + i, Box::new(|| {}));
            clock.advance_to(1_000 + i);
        }
        assert!(clock.timer_places() <= 2 * clock.pending_timers() + 65, "{} places", clock.timer_places());
        clock.clear_timer(early);
        clock.clear_timer(late);
        assert_eq!((clock.pending_timers(), clock.next_timer()), (0, None));
        clock.advance_to(2_000_000);
        assert_eq!(fired.borrow().len(), 4);
    }
}
