//! The app: the pattern picker, and for the chosen pattern its explanation,
//! controls, parameters, views and code.

use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::code::Code;
use super::controls::{Command, Controls, ParamsForm};
use super::event_log::EventLog;
use super::hooks::use_model::use_model;
use super::hooks::use_run::{use_run, Work};
use super::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use super::hooks::use_visible::use_visible;
use super::orders::OrdersAcrossSeeds;
use super::share::{
    base_url, hold_query, keep_tabs, kept_tabs, replace_query, take_held_query, use_report_height, ShareBar,
};
use super::state::{Action, ClockKind, GoError, PageState, RunStatus};
use super::timeline::Timeline;
use super::views::{Channels, DeadlineLedger, HeldOffScreen, OutputOrder, RefresherPanel};
use crate::patterns::PatternId;
use crate::rt::Millis;
use crate::share::{Theme, UrlState};

/// The whole page.
#[component]
pub fn App() -> Html {
    html! { <Playground /> }
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 1e9) as u64
}

fn set_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if theme == Theme::System {
            let _ = root.remove_attribute("data-theme");
        } else {
            let _ = root.set_attribute("data-theme", theme.as_str());
        }
    }
}

/// How long the reader's typing must pause before the address bar shows
/// their code.
const URL_IDLE_MS: u32 = 400;

/// What Run runs for `state`: the Rust port, or the editor's Go compiled,
/// or why that Go does not compile.
fn work(state: &PageState) -> Result<Work, Vec<GoError>> {
    if !state.runs_go() {
        return Ok(Work::Port(state.params.clone()));
    }
    crate::go::compile_all(&state.go_program(), state.go121)
        .map(|program| Work::Go(std::rc::Rc::new(program)))
        .map_err(|all| {
            all.into_iter()
                .map(|e| GoError {
                    line: e.span.line,
                    col: e.span.col,
                    message: e.message,
                })
                .collect()
        })
}

/// The tabs of the pattern picker: the article's patterns, then the
/// reader's own program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Pattern(PatternId),
    YourGo,
}

impl Tab {
    fn all() -> Vec<Tab> {
        let mut all: Vec<Tab> = PatternId::ALL.iter().map(|&p| Tab::Pattern(p)).collect();
        all.push(Tab::YourGo);
        all
    }

    fn id(self) -> String {
        match self {
            Tab::Pattern(p) => format!("tab-{}", p.id()),
            Tab::YourGo => "tab-your-go".to_string(),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Tab::Pattern(p) => p.title(),
            Tab::YourGo => "Your Go",
        }
    }

    fn of(state: &PageState) -> Tab {
        if state.your_go {
            Tab::YourGo
        } else {
            Tab::Pattern(state.pattern)
        }
    }

    fn action(self) -> Action {
        match self {
            Tab::Pattern(p) => Action::SelectPattern(p),
            Tab::YourGo => Action::SelectYourGo,
        }
    }
}

#[component]
fn Playground() -> Html {
    let state = use_reducer(|| {
        let location = web_sys::window().map(|w| w.location());
        let mut query = location
            .as_ref()
            .and_then(|l| l.search().ok())
            .unwrap_or_default();
        // Edited Go may travel in the fragment instead (`#code=...`), which
        // no server ever sees.
        let fragment = location.and_then(|l| l.hash().ok()).unwrap_or_default();
        if fragment.starts_with("#code=") {
            query = format!("{query}&{}", &fragment[1..]);
        }
        // An edit the address bar had not caught up with when the page was
        // left (reloaded within a moment of typing) comes back.
        if let Some(held) = take_held_query() {
            query = held;
        }
        let (url, errors) = UrlState::parse(&query);
        // The other tabs' edits come back too, over a reload of this page.
        let kept = if url.embed { Vec::new() } else { kept_tabs(&url) };
        PageState::from_url(&url, &errors).with_kept_tabs(&kept)
    });
    let run = use_run(state.dispatcher());
    use_effect_with((), |_| {
        // Effects run after the first render is in the DOM: from here the
        // page answers input. The end-to-end test reads this mark.
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("csp-interactive");
        }
    });
    // The address bar always carries the whole state (no history entries).
    // Memoised on the state it is made of: with edited Go in it, writing the
    // query means compressing the code, which a run's every frame need not.
    let query = use_memo(state.to_url(), UrlState::to_query);
    {
        // While the reader types Go, the address bar catches up once they
        // pause: each write is a same-document navigation, which costs the
        // browser more per keystroke than all of the page's own work.
        let delay = if state.source.is_some() { URL_IDLE_MS } else { 0 };
        // Embeds on one host page share its tab's storage: only the page
        // itself holds an edit over a reload.
        let hold = !state.embed;
        use_effect_with((*query).clone(), move |query| {
            let pending = if delay == 0 {
                replace_query(query);
                None
            } else {
                if hold {
                    hold_query(query);
                }
                let query = query.clone();
                Some(gloo_timers::callback::Timeout::new(delay, move || {
                    replace_query(&query)
                }))
            };
            move || drop(pending)
        });
    }
    {
        // The other tabs' edits, kept over a reload. Made into queries only
        // when they change (a tab switch), written with each query.
        let others = use_memo(state.kept_tabs(), |kept| kept.queries());
        let hold = !state.embed;
        use_effect_with(((*query).clone(), others), move |(query, others)| {
            if hold {
                keep_tabs(query, others);
            }
        });
    }
    use_report_height(state.embed);
    let root = use_node_ref();
    let visible = use_visible(root.clone()).unwrap_or(false);
    // The theme from the link (or the button) applies to the whole page.
    use_effect_with(state.theme, |theme| set_theme(*theme));

    let command = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |c: Command| match c {
            Command::Run => {
                if state.has_errors() {
                    return;
                }
                match state.status {
                    RunStatus::Running => {}
                    RunStatus::Paused if run.is_paused() => run.resume(state.speed.as_f64()),
                    _ => match work(&state) {
                        Ok(work) => run.start(&work, state.seed, state.clock, state.speed.as_f64()),
                        Err(errors) => {
                            run.reset();
                            state.dispatch(Action::CompileFailed(errors));
                        }
                    },
                }
            }
            Command::Pause => {
                if state.clock == ClockKind::Virtual {
                    run.pause();
                }
            }
            Command::Step => {
                if state.clock == ClockKind::Real || state.has_errors() {
                    return;
                }
                if let Some(at) = state.playhead {
                    // The playhead is back in what was recorded: Step walks
                    // it to the next moment something happened, so every
                    // view moves with it. At the run's own time it follows
                    // the run again, and the next Step steps the run.
                    let next = state.trace.with(|events| {
                        let i = events.partition_point(|e| e.t <= at);
                        events.get(i).map(|e| e.t)
                    });
                    state.dispatch(Action::SetPlayhead(next));
                    return;
                }
                match state.status {
                    RunStatus::Running => {
                        run.pause();
                        run.step();
                    }
                    RunStatus::Paused => {
                        run.step();
                    }
                    RunStatus::Ready => match work(&state) {
                        Ok(work) => {
                            run.start_paused(&work, state.seed);
                            run.step();
                        }
                        Err(errors) => {
                            run.reset();
                            state.dispatch(Action::CompileFailed(errors));
                        }
                    },
                    _ => {}
                }
            }
            Command::Reset => run.reset(),
            Command::NewSeed => {
                run.reset();
                state.dispatch(Action::SetSeed(random_seed()));
            }
        })
    };
    {
        let command = command.clone();
        let status = state.status.clone();
        use_shortcuts(Callback::from(move |s: Shortcut| match s {
            Shortcut::RunOrPause if status == RunStatus::Running => command.emit(Command::Pause),
            Shortcut::RunOrPause => command.emit(Command::Run),
            Shortcut::Step => command.emit(Command::Step),
        }));
    }
    // A share link pasted over this page's own differs in its fragment
    // alone (`#code=` carries edited Go): the browser does not load it, and
    // the editor kept the old code. The page never changes the fragment
    // in a way that fires this (it replaces its URL through history), so
    // every `hashchange` is the reader's: load that link.
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|window| {
            gloo_events::EventListener::new(&window, "hashchange", |_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            })
        });
        move || drop(listener)
    });
    // Autoplay: run while the embed is on screen, pause while it is not, so
    // several embeds on one page never compete.
    let auto_paused = use_mut_ref(|| false);
    {
        let (command, run) = (command.clone(), run.clone());
        let key = (visible, state.autoplay, state.status.clone());
        let clock = state.clock;
        use_effect_with(key, move |(visible, autoplay, status)| {
            if *autoplay {
                match (visible, status) {
                    (true, RunStatus::Ready) => command.emit(Command::Run),
                    (true, RunStatus::Paused) if *auto_paused.borrow() => {
                        *auto_paused.borrow_mut() = false;
                        command.emit(Command::Run);
                    }
                    (false, RunStatus::Running) if clock == ClockKind::Virtual => {
                        *auto_paused.borrow_mut() = true;
                        run.pause();
                    }
                    _ => {}
                }
            }
        });
    }
    let on_seed = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::EditSeed(text)))
    };
    let on_speed = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |text: String| {
            state.dispatch(Action::EditSpeed(text.clone()));
            // A running virtual run picks the new speed up at once.
            if let (Ok(speed), RunStatus::Running, ClockKind::Virtual) =
                (super::state::parse_speed(&text), &state.status, state.clock)
            {
                run.pause();
                run.resume(speed.as_f64());
            }
        })
    };
    let on_clock = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |k: ClockKind| {
            run.reset();
            state.dispatch(Action::SetClock(k));
        })
    };
    let on_edit = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |(name, text): (&'static str, String)| {
            if state.status != RunStatus::Ready {
                run.reset();
            }
            state.dispatch(Action::EditParam(name, text));
        })
    };
    let select = {
        let (state, run) = (state.clone(), run.clone());
        move |tab: Tab| {
            let (state, run) = (state.clone(), run.clone());
            Callback::from(move |_: MouseEvent| {
                run.reset();
                state.dispatch(tab.action());
            })
        }
    };
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    let on_tab_key = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |e: KeyboardEvent| {
            let all = Tab::all();
            // From the focused tab, not the state: keys can arrive faster
            // than renders, and the state would still name the old tab.
            let focused = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|el| el.id());
            let i = all
                .iter()
                .position(|t| focused.as_deref() == Some(t.id().as_str()))
                .or_else(|| all.iter().position(|t| *t == Tab::of(&state)))
                .unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => all[(i + 1) % all.len()],
                "ArrowLeft" | "ArrowUp" => all[(i + all.len() - 1) % all.len()],
                "Home" => all[0],
                "End" => all[all.len() - 1],
                _ => return,
            };
            e.prevent_default();
            run.reset();
            state.dispatch(next.action());
            focus_tab(next);
        })
    };
    let toggle_theme = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match state.theme {
                Theme::System => Theme::Dark,
                Theme::Dark => Theme::Light,
                Theme::Light => Theme::System,
            };
            state.dispatch(Action::SetTheme(next));
        })
    };
    let show_fix = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            let mut params = state.params.clone();
            let _ = params.set("capture", "copy");
            state.dispatch(Action::EditParam("capture", "copy".to_string()));
            run.start(&Work::Port(params), state.seed, state.clock, state.speed.as_f64());
        })
    };
    let on_source = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |text: String| {
            // The old run ran other code: it must not look like this code's,
            // and the status says why it is gone.
            let shown = !matches!(state.status, RunStatus::Ready | RunStatus::Error(_));
            if shown {
                run.reset();
            }
            state.dispatch(Action::EditSource(text));
            if shown {
                state.dispatch(Action::ResetByEdit);
            }
        })
    };
    let on_revert = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |()| {
            run.reset();
            state.dispatch(Action::Revert);
        })
    };
    let on_undo_replace = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |()| {
            run.reset();
            state.dispatch(Action::UndoReplace);
        })
    };
    let on_start_from = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |id: &'static str| {
            run.reset();
            state.dispatch(Action::StartFrom(id));
        })
    };
    let on_go121 = {
        let (state, run) = (state.clone(), run.clone());
        Callback::from(move |go121: Option<bool>| {
            if state.status != RunStatus::Ready {
                run.reset();
            }
            state.dispatch(Action::SetGo121(go121));
        })
    };

    let inject = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.inject(crate::patterns::token_cache::FAIL_REFRESH))
    };

    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissAlerts))
    };
    let alerts = (!state.url_errors.is_empty()).then(|| {
        html! {
            <div role="alert" class="alert">
                <p>{ "Some values in the link could not be used; their defaults are used instead:" }</p>
                <ul>{ for state.url_errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });

    let current = state.pattern;
    // Every view shows the run at the playhead: where the reader put it, or
    // the run's own time.
    let shown = state.playhead.unwrap_or(state.now);
    let model = use_model(&state.trace, state.playhead);
    let seek = {
        let state = state.clone();
        Callback::from(move |t: Millis| state.dispatch(Action::SetPlayhead(Some(t))))
    };
    let on_playhead = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.value().parse::<Millis>().ok());
            if let Some(t) = value {
                state.dispatch(Action::SetPlayhead(Some(t)));
            }
        })
    };
    let back_to_now = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetPlayhead(None)))
    };
    let playhead = html! {
        <div class="playhead">
            <label for="playhead">{ "Playhead" }</label>
            <input id="playhead" type="range" aria-label="Playhead" min="0" max={state.now.to_string()} step="1"
                value={shown.to_string()} aria-valuetext={format!("{shown} ms")} oninput={on_playhead}
                disabled={state.trace.is_empty()} />
            // Not an <output>: that is a status, and the page has one status.
            <span class="at" aria-hidden="true">{ format!("{shown} ms") }</span>
            if state.playhead.is_some() {
                <button type="button" onclick={back_to_now}>{ "Back to now" }</button>
            }
        </div>
    };
    let code_at = model.with(|m| {
        m.latest_pos()
            .and_then(|(task, pos)| Some((m.task_name(task)?.to_string(), pos.line)))
    });
    let tab = Tab::of(&state);
    // The drawing says whose run it is: a pattern's Rust port, or Go.
    let timeline_title: AttrValue = match (state.ran_go, tab) {
        (true, Tab::YourGo) => "Your Go".into(),
        (true, Tab::Pattern(p)) => format!("{} (your Go)", p.title()).into(),
        (false, _) => tab.title().into(),
    };
    let code = html! {
        <Code state={state.clone()} current={code_at.clone()} on_edit={on_source.clone()} {on_revert} {on_undo_replace}
            {on_start_from} {on_go121} />
    };
    // Go's own report of a panic, a deadlock or a stopped runaway program.
    let go_alert = state.go_error.as_ref().map(|message| html! {
        <div role="alert" class="alert go-error">
            <p>{ if state.ran_go { "Your Go stopped with an error:" } else { "The run stopped with an error:" } }</p>
            <pre tabindex="0">{ message }</pre>
        </div>
    });
    // The Go that "Explore 200 seeds" runs: bound once per edit, not on
    // every render (a run renders every frame).
    let explore_go = {
        let s = state.clone();
        let key = (
            s.runs_go(),
            s.source.clone(),
            s.pattern,
            s.params.clone(),
            s.go121,
        );
        use_memo(key, move |_| {
            s.runs_go()
                .then(|| (std::rc::Rc::<str>::from(s.go_program()), s.go121))
        })
    };
    // Views off screen are held while a run plays (see HeldOffScreen), once
    // their lists stop listing every row: until then a list grows a paced
    // few rows a frame, and catching up on all of them at once when the
    // run stops would hold that frame instead (measured: 100 ms for the
    // 1,000-number pipeline's output).
    let playing = state.status == RunStatus::Running;
    let (events, outputs) = model.with(|m| (m.len(), m.outputs().len()));
    let hold_views = playing && outputs > crate::view::ALL_ROWS;
    let hold_log = playing && events > crate::view::ALL_ROWS;
    if state.embed {
        let mut full = state.to_url();
        full.embed = false;
        full.autoplay = false;
        let main_view = match current {
            _ if state.your_go => {
                html! { <OutputOrder model={model.clone()} now={shown} pattern={current} /> }
            }
            PatternId::Deadline => {
                html! { <DeadlineLedger model={model.clone()} now={shown} pattern={current} /> }
            }
            PatternId::TokenCache | PatternId::TokenFuture => {
                html! { <RefresherPanel model={model.clone()} now={shown} pattern={current} /> }
            }
            _ => html! { <OutputOrder model={model.clone()} now={shown} pattern={current} /> },
        };
        return html! {
            <main class="embed" ref={root}>
                { for alerts }
                // The same outline as the full page (site, pattern, then each
                // view's h3), with the site's name for screen readers only:
                // the iframe has no room for it.
                <h1 class="visually-hidden">{ "csp-playground" }</h1>
                <header class="embed-head">
                    <h2>{ tab.title() }</h2>
                    <a href={format!("{}{}", base_url(), full.to_query())} target="_blank" rel="noopener">{ "Open in playground" }</a>
                </header>
                <Controls state={state.clone()} on_command={command.clone()} {on_seed} {on_speed} {on_clock} />
                { playhead.clone() }
                { for go_alert }
                <Timeline model={model.clone()} now={shown} title={timeline_title.clone()} />
                { main_view }
                if state.runs_go() {
                    <details class="embed-code">
                        <summary>{ "The Go that runs" }</summary>
                        <pre tabindex="0"><code>{ state.editor_text().to_string() }</code></pre>
                    </details>
                }
            </main>
        };
    }
    let gotcha = current == PatternId::Words && state.params.get("capture").as_deref() == Some("shared");
    html! {
        <>
            <header class="top">
                <div>
                    <h1>{ "csp-playground" }</h1>
                    <p class="tagline">
                        { "Goroutines and channels from “Applications of Goroutines & Channels in Go”, \
                           running as real Rust async code in your browser." }
                    </p>
                </div>
                <button type="button" class="theme" onclick={toggle_theme}
                    aria-label={format!("Theme: {}", state.theme.as_str())}>{ format!("Theme: {}", state.theme.as_str()) }</button>
            </header>
            <main ref={root}>
                { for alerts }
                <nav class="patterns" role="tablist" aria-label="Patterns" onkeydown={on_tab_key}>
                    { for Tab::all().into_iter().map(|t| {
                        let active = t == tab;
                        html! {
                            <button id={t.id()} role="tab" type="button"
                                aria-selected={active.to_string()} aria-controls="pattern-panel"
                                tabindex={if active { "0" } else { "-1" }} onclick={select(t)}>
                                { t.title() }
                            </button>
                        }
                    }) }
                </nav>
                <section id="pattern-panel" class="panel" role="tabpanel"
                    aria-labelledby={tab.id()}>
                    <div class="intro">
                        <h2>{ tab.title() }</h2>
                        if state.your_go {
                            <p>{ "Write Go, or start from one of the programs in the menu, and Run it. It runs in an \
                                  interpreter on the same deterministic executor as the patterns: every goroutine gets a \
                                  lane, every channel operation an event, and a seed replays the same schedule." }</p>
                        } else {
                            <p>{ current.explain() }</p>
                        }
                    </div>
                    if state.your_go { { code.clone() } }
                    <div class="layout">
                        <div class="side">
                            <Controls state={state.clone()} on_command={command.clone()} {on_seed} {on_speed} {on_clock} />
                            <ShareBar url={state.to_url()} title={tab.title()} />
                            <ParamsForm state={state.clone()} {on_edit} />
                            if !state.your_go && (current == PatternId::Words || current == PatternId::Pipeline) {
                                <p class="hint">
                                    { "Go's channels hold exactly their capacity; futures' mpsc::channel(n) would hold n plus one per sender. \
                                       These runs use channels with Go's count, so a send never completes where Go would still be blocked." }
                                </p>
                            }
                            if !state.your_go && matches!(current, PatternId::TokenCache | PatternId::TokenFuture) {
                                <p class="hint">
                                    { "In the browser a Rust panic aborts the whole program, so a failing refresh is modelled as the \
                                       refresh returning an error; the recover-log-retry logic around it is the article's." }
                                </p>
                            }
                        </div>
                        <div class="views">
                            { for go_alert }
                            { playhead }
                            <Timeline model={model.clone()} now={shown} title={timeline_title} />
                            if gotcha {
                                <div class="callout" role="note">
                                    <p>{ "Every goroutine printed the last word. They all read one loop variable, and the loop had \
                                          finished before any of them ran: Go before 1.22 shares the variable across iterations. \
                                          The fix is to copy it: word := word." }</p>
                                    <button type="button" onclick={show_fix}>{ "Show the fix on the same seed" }</button>
                                </div>
                            }
                            <HeldOffScreen class="grid" hold={hold_views}>
                                <OutputOrder model={model.clone()} now={shown} pattern={current} />
                                <DeadlineLedger model={model.clone()} now={shown} pattern={current} />
                                <RefresherPanel model={model.clone()} now={shown} pattern={current} />
                                <Channels model={model.clone()} now={shown} pattern={current} />
                            </HeldOffScreen>
                            if !state.runs_go() && matches!(current, PatternId::TokenCache | PatternId::TokenFuture) {
                                <div class="inject">
                                    <button type="button" onclick={inject}
                                        disabled={!matches!(state.status, RunStatus::Running | RunStatus::Paused)}>
                                        { "Inject a failing refresh" }
                                    </button>
                                    <span class="hint">{ format!(" The next refresh fails as if it panicked; {} in a row stop the cache.", state.params.get("tolerance").unwrap_or_default()) }</span>
                                </div>
                            }
                            if state.runs_go() {
                                <OrdersAcrossSeeds params={state.params.clone()} go={(*explore_go).clone()} />
                            } else if current == PatternId::Words {
                                <OrdersAcrossSeeds params={state.params.clone()} go={None::<(std::rc::Rc<str>, Option<bool>)>} />
                            }
                            <HeldOffScreen hold={hold_log}>
                                <EventLog trace={state.trace.clone()} model={model.clone()} playhead={state.playhead} on_seek={seek} />
                            </HeldOffScreen>
                        </div>
                    </div>
                    if !state.your_go {
                        <HeldOffScreen hold={playing}>{ code }</HeldOffScreen>
                    }
                </section>
            </main>
        </>
    }
}

fn focus_tab(tab: Tab) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&tab.id()))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
