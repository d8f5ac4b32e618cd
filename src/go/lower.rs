//! Parse with `go-parser` and lower its tree at once into [`ir`](super::ir).
//!
//! This is the only module that sees the parser crate. Before parsing, a
//! quick scan of the source bounds what the parser and every later pass
//! recurse on (bracket nesting, operators in one statement), so hostile
//! input gets a positioned error instead of overflowing the 1 MiB wasm stack.

use std::rc::Rc;

use go_parser::ast::{self, Expr as PExpr, Stmt as PStmt};
use go_parser::{AstObjects, FileSet, Token};

use super::ir::*;
use super::CompileError;

/// Deepest bracket nesting accepted.
const MAX_NESTING: usize = 48;
/// Most operators and prefixes accepted in one statement.
const MAX_OPERATORS: usize = 256;
/// Largest source accepted, in bytes.
const MAX_SOURCE: usize = 256 * 1024;

/// The source's `package main` file as IR.
pub fn lower(src: &str) -> Result<File, CompileError> {
    // Go skips a byte-order mark at the start, as an editor may save one.
    lower_file(src.strip_prefix('\u{feff}').unwrap_or(src), true)
}

/// Lowers the prelude: its nodes get no positions (line 0), so what its
/// code does is credited to the line of the program that called it.
pub fn lower_prelude(src: &str) -> Result<File, CompileError> {
    lower_file(src, false)
}

fn lower_file(src: &str, spans: bool) -> Result<File, CompileError> {
    prescan(src)?;
    let mut fs = FileSet::new();
    let objs = &mut AstObjects::new();
    let el = &mut go_parser::ErrorList::new();
    let (parser, file) = go_parser::parse_file(objs, &mut fs, el, "main.go", src, false);
    drop(parser);
    {
        // The parser's own `sort` orders by offset, a continuation line
        // (starting with a tab) after its error: the first error is the
        // earliest non-continuation one. Finding it here spares the page a
        // sort instantiation.
        // "no new variables" is the compiler's to report, beside the
        // program's other type errors, as Go lists them all.
        let errors = el.borrow();
        let first = errors
            .iter()
            .filter(|e| !e.msg.starts_with('\t') && e.msg != "no new variables on left side of :=")
            .min_by_key(|e| e.pos.offset);
        if let Some(e) = first {
            // Go's words for a `go` or `defer` of no call.
            let message = match e.msg.strip_prefix("function must be invoked in ") {
                Some(rest) => format!(
                    "expression in {} must be function call",
                    rest.trim_end_matches(" statement")
                ),
                None => e.msg.clone(),
            };
            return Err(CompileError {
                span: byte_column(&non_ascii_lines(src), e.pos.line as u32, e.pos.column as u32),
                message,
            });
        }
    }
    let Some(file) = file else {
        return Err(CompileError {
            span: Span { line: 1, col: 1 },
            message: "expected 'package'".into(),
        });
    };
    let mut l = Lower {
        objs,
        fs: &fs,
        spans,
        lines: non_ascii_lines(src),
    };
    l.file(&file)
}

/// The parser counts a column in characters; Go counts bytes, so that
/// `"🌍"; x := 1` puts x at column 13 for go build and at 10 for the
/// parser.
fn byte_column(lines: &[&str], line: u32, col: u32) -> Span {
    let Some(text) = lines.get(line.saturating_sub(1) as usize).filter(|_| col > 1) else {
        return Span { line, col };
    };
    let bytes: usize = text.chars().take(col as usize - 1).map(char::len_utf8).sum();
    Span {
        line,
        col: bytes as u32 + 1,
    }
}

struct Lower<'a> {
    objs: &'a AstObjects,
    fs: &'a FileSet,
    /// Whether nodes get their positions (see [`lower_prelude`]).
    spans: bool,
    /// The source's lines, where any is not ASCII (see [`byte_column`]).
    lines: Vec<&'a str>,
}

/// The lines of `src`, if it is not all ASCII (where a character is a
/// byte, and columns need no converting).
fn non_ascii_lines(src: &str) -> Vec<&str> {
    if src.is_ascii() {
        Vec::new()
    } else {
        src.lines().collect()
    }
}

fn unsupported(span: Span, what: &str) -> CompileError {
    CompileError {
        span,
        message: format!("{what} not supported here"),
    }
}

impl Lower<'_> {
    fn span(&self, pos: usize) -> Span {
        if !self.spans {
            return Span::default();
        }
        match self.fs.position(pos) {
            Some(p) => byte_column(&self.lines, p.line as u32, p.column as u32),
            None => Span::default(),
        }
    }

    fn ident(&self, key: go_parser::IdentKey) -> (Name, Span) {
        let id = &self.objs.idents[key];
        (Rc::from(id.name.as_str()), self.span(id.pos))
    }

    fn file(&mut self, f: &ast::File) -> Result<File, CompileError> {
        let (pkg, span) = self.ident(f.name);
        if &*pkg != "main" {
            return Err(CompileError {
                span,
                message: format!("package {pkg} is not supported here: only package main runs"),
            });
        }
        let mut out = File::default();
        for decl in &f.decls {
            match decl {
                ast::Decl::Bad(b) => return Err(unsupported(self.span(b.from), "this declaration is")),
                ast::Decl::Func(key) => {
                    let fd = &self.objs.fdecls[*key];
                    let (name, span) = self.ident(fd.name);
                    let recv = match &fd.recv {
                        Some(list) => {
                            let mut params = self.fields(list)?;
                            if params.len() != 1 {
                                return Err(unsupported(span, "a method without exactly one receiver is"));
                            }
                            params.pop()
                        }
                        None => None,
                    };
                    let sig = self.sig(fd.typ)?;
                    let Some(body) = &fd.body else {
                        return Err(unsupported(span, "a function without a body is"));
                    };
                    let end = self.span(body.r_brace);
                    let body = self.block(&body.list)?;
                    out.funcs.push(Rc::new(FuncDef {
                        span,
                        name,
                        recv,
                        sig: Rc::new(sig),
                        body,
                        end,
                    }));
                }
                ast::Decl::Gen(g) => {
                    if g.token == Token::IMPORT {
                        for spec in &g.specs {
                            if let ast::Spec::Import(imp) = &self.objs.specs[*spec] {
                                let span = self.span(imp.path.pos);
                                if imp.name.is_some() {
                                    return Err(unsupported(span, "a renamed import is"));
                                }
                                let path = match &imp.path.token {
                                    Token::STRING(data) => data.as_str_str().1.clone(),
                                    _ => String::new(),
                                };
                                out.imports.push((path, span));
                            }
                        }
                    } else {
                        let pos = self.span(g.token_pos);
                        self.gen_decl(g, pos, &mut out.decls)?;
                    }
                }
            }
        }
        Ok(out)
    }

    fn gen_decl(&mut self, g: &ast::GenDecl, span: Span, out: &mut Vec<Stmt>) -> Result<(), CompileError> {
        // Constants repeat the previous spec's type and values when they
        // omit theirs (`const ( A = iota; B; C )`), so keep the last ones.
        let mut last: Option<(Option<PExpr>, Vec<PExpr>)> = None;
        for (iota, key) in g.specs.iter().enumerate() {
            match &self.objs.specs[*key] {
                ast::Spec::Type(t) => {
                    let (name, nspan) = self.ident(t.name);
                    if t.assign > 0 {
                        return Err(unsupported(nspan, "a type alias is"));
                    }
                    let ty = self.expr(&t.typ)?;
                    out.push(Stmt {
                        span: nspan,
                        kind: StmtKind::Type(name, ty),
                    });
                }
                ast::Spec::Value(v) => {
                    let names: Vec<(Name, Span)> = v.names.iter().map(|k| self.ident(*k)).collect();
                    let nspan = names.first().map_or(span, |n| n.1);
                    let (ty, values) = if g.token == Token::CONST && v.typ.is_none() && v.values.is_empty() {
                        match &last {
                            Some((t, vals)) => (t.clone(), vals.clone()),
                            None => return Err(unsupported(nspan, "a constant without a value is")),
                        }
                    } else {
                        (v.typ.clone(), v.values.clone())
                    };
                    if g.token == Token::CONST {
                        last = Some((ty.clone(), values.clone()));
                    }
                    let spec = ValueSpec {
                        span: nspan,
                        names,
                        ty: ty.as_ref().map(|t| self.expr(t)).transpose()?,
                        values: values.iter().map(|e| self.expr(e)).collect::<Result<_, _>>()?,
                        iota: iota as i64,
                    };
                    out.push(Stmt {
                        span: nspan,
                        kind: if g.token == Token::CONST {
                            StmtKind::Const(spec)
                        } else {
                            StmtKind::Var(spec)
                        },
                    });
                }
                ast::Spec::Import(_) => return Err(unsupported(span, "an import here is")),
            }
        }
        Ok(())
    }

    fn fields(&mut self, list: &ast::FieldList) -> Result<Vec<Param>, CompileError> {
        let mut out = Vec::new();
        for key in &list.list {
            let field = &self.objs.fields[*key];
            if field.names.is_empty() {
                out.push(Param {
                    name: None,
                    ty: self.expr(&field.typ)?,
                });
            }
            for name in &field.names {
                out.push(Param {
                    name: Some(self.ident(*name).0),
                    ty: self.expr(&field.typ)?,
                });
            }
        }
        Ok(out)
    }

    fn sig(&mut self, key: go_parser::FuncTypeKey) -> Result<Sig, CompileError> {
        let ft = &self.objs.ftypes[key];
        let mut params = self.fields(&ft.params)?;
        let mut variadic = false;
        if let Some(last) = params.last_mut() {
            if let ExprKind::Ellipsis(Some(inner)) = &mut last.ty.kind {
                let span = last.ty.span;
                let inner = std::mem::replace(
                    inner,
                    Box::new(Expr {
                        span,
                        kind: ExprKind::Int(0),
                        written: Written::default(),
                    }),
                );
                last.ty = Expr {
                    span,
                    kind: ExprKind::SliceType(inner),
                    written: Written::default(),
                };
                variadic = true;
            }
        }
        let results = match &ft.results {
            Some(r) => self.fields(r)?,
            None => Vec::new(),
        };
        Ok(Sig {
            params,
            results,
            variadic,
        })
    }

    fn block(&mut self, list: &[PStmt]) -> Result<Vec<Stmt>, CompileError> {
        let mut out = Vec::with_capacity(list.len());
        for s in list {
            self.stmt_into(s, &mut out)?;
        }
        Ok(out)
    }

    fn stmt_into(&mut self, s: &PStmt, out: &mut Vec<Stmt>) -> Result<(), CompileError> {
        if let PStmt::Decl(d) = s {
            if let ast::Decl::Gen(g) = &**d {
                let span = self.span(g.token_pos);
                return self.gen_decl(g, span, out);
            }
        }
        out.push(self.stmt(s)?);
        Ok(())
    }

    fn boxed(&mut self, s: &Option<PStmt>) -> Result<Option<Box<Stmt>>, CompileError> {
        s.as_ref().map(|s| self.stmt(s).map(Box::new)).transpose()
    }

    fn stmt(&mut self, s: &PStmt) -> Result<Stmt, CompileError> {
        use go_parser::ast::Node;
        let span = self.span(s.pos(self.objs));
        let kind = match s {
            PStmt::Bad(_) => return Err(unsupported(span, "this statement is")),
            PStmt::Decl(d) => match &**d {
                ast::Decl::Gen(g) => {
                    let mut v = Vec::new();
                    self.gen_decl(g, span, &mut v)?;
                    StmtKind::Block(v)
                }
                _ => return Err(unsupported(span, "a nested function declaration is")),
            },
            PStmt::Empty(_) => StmtKind::Empty,
            PStmt::Labeled(key) => {
                let l = &self.objs.l_stmts[*key];
                let name = self.ident(l.label).0;
                StmtKind::Labeled(name, Box::new(self.stmt(&l.stmt)?))
            }
            PStmt::Expr(e) => StmtKind::Expr(self.expr(e)?),
            PStmt::Send(s) => StmtKind::Send(self.expr(&s.chan)?, self.expr(&s.val)?),
            PStmt::IncDec(s) => StmtKind::IncDec(self.expr(&s.expr)?, s.token == Token::INC),
            PStmt::Assign(key) => {
                let a = &self.objs.a_stmts[*key];
                let lhs = self.exprs(&a.lhs)?;
                let rhs = self.exprs(&a.rhs)?;
                let op = match a.token {
                    Token::DEFINE => {
                        return Ok(Stmt {
                            span,
                            kind: StmtKind::Define(lhs, rhs, self.span(a.token_pos)),
                        })
                    }
                    Token::ASSIGN => None,
                    Token::ADD_ASSIGN => Some(Op::Add),
                    Token::SUB_ASSIGN => Some(Op::Sub),
                    Token::MUL_ASSIGN => Some(Op::Mul),
                    Token::QUO_ASSIGN => Some(Op::Div),
                    Token::REM_ASSIGN => Some(Op::Rem),
                    Token::AND_ASSIGN => Some(Op::And),
                    Token::OR_ASSIGN => Some(Op::Or),
                    Token::XOR_ASSIGN => Some(Op::Xor),
                    Token::SHL_ASSIGN => Some(Op::Shl),
                    Token::SHR_ASSIGN => Some(Op::Shr),
                    Token::AND_NOT_ASSIGN => Some(Op::AndNot),
                    _ => return Err(unsupported(span, "this assignment is")),
                };
                StmtKind::Assign(lhs, op, rhs)
            }
            PStmt::Go(g) => StmtKind::Go(self.expr(&g.call)?),
            PStmt::Defer(d) => StmtKind::Defer(self.expr(&d.call)?),
            PStmt::Return(r) => StmtKind::Return(self.exprs(&r.results)?),
            PStmt::Branch(b) => {
                let label = b.label.map(|k| self.ident(k).0);
                match b.token {
                    Token::BREAK => StmtKind::Break(label),
                    Token::CONTINUE => StmtKind::Continue(label),
                    Token::FALLTHROUGH => StmtKind::Fallthrough,
                    _ => return Err(unsupported(span, "goto is")),
                }
            }
            PStmt::Block(b) => StmtKind::Block(self.block(&b.list)?),
            PStmt::If(i) => StmtKind::If(
                self.boxed(&i.init)?,
                self.expr(&i.cond)?,
                self.block(&i.body.list)?,
                self.boxed(&i.els)?,
            ),
            PStmt::Case(_) | PStmt::Comm(_) => return Err(unsupported(span, "a case outside a switch is")),
            PStmt::Switch(sw) => {
                let cases = self.cases(&sw.body.list)?;
                StmtKind::Switch(
                    self.boxed(&sw.init)?,
                    sw.tag.as_ref().map(|t| self.expr(t)).transpose()?,
                    cases,
                )
            }
            PStmt::TypeSwitch(sw) => {
                let (bind, x) = match &sw.assign {
                    PStmt::Assign(key) => {
                        let a = &self.objs.a_stmts[*key];
                        let name = match a.lhs.first() {
                            Some(PExpr::Ident(k)) => Some(self.ident(*k).0),
                            _ => None,
                        };
                        (name, a.rhs.first())
                    }
                    PStmt::Expr(e) => (None, Some(&**e)),
                    _ => (None, None),
                };
                let x = match x {
                    Some(PExpr::TypeAssert(t)) => self.expr(&t.expr)?,
                    _ => return Err(unsupported(span, "this type switch is")),
                };
                let cases = self.cases(&sw.body.list)?;
                StmtKind::TypeSwitch(self.boxed(&sw.init)?, bind, x, cases)
            }
            PStmt::Select(sel) => {
                let mut cases = Vec::new();
                for c in &sel.body.list {
                    let PStmt::Comm(c) = c else {
                        return Err(unsupported(span, "this select case is"));
                    };
                    cases.push(CommCase {
                        span: self.span(c.case),
                        comm: self.boxed(&c.comm)?,
                        body: self.block(&c.body)?,
                    });
                }
                StmtKind::Select(cases)
            }
            PStmt::For(f) => StmtKind::For(
                self.boxed(&f.init)?,
                f.cond.as_ref().map(|c| self.expr(c)).transpose()?,
                self.boxed(&f.post)?,
                self.block(&f.body.list)?,
            ),
            PStmt::Range(r) => StmtKind::Range(
                r.key.as_ref().map(|k| self.expr(k)).transpose()?,
                r.val.as_ref().map(|k| self.expr(k)).transpose()?,
                r.token == Token::DEFINE,
                self.expr(&r.expr)?,
                self.block(&r.body.list)?,
            ),
        };
        Ok(Stmt { span, kind })
    }

    fn cases(&mut self, list: &[PStmt]) -> Result<Vec<Case>, CompileError> {
        let mut out = Vec::new();
        for c in list {
            let PStmt::Case(c) = c else {
                return Err(unsupported(Span::default(), "this switch case is"));
            };
            out.push(Case {
                span: self.span(c.case),
                exprs: c.list.as_ref().map(|l| self.exprs(l)).transpose()?,
                body: self.block(&c.body)?,
            });
        }
        Ok(out)
    }

    fn exprs(&mut self, list: &[PExpr]) -> Result<Vec<Expr>, CompileError> {
        list.iter().map(|e| self.expr(e)).collect()
    }

    fn opt(&mut self, e: &Option<PExpr>) -> Result<Option<Box<Expr>>, CompileError> {
        e.as_ref().map(|e| self.expr(e).map(Box::new)).transpose()
    }

    fn b(&mut self, e: &PExpr) -> Result<Box<Expr>, CompileError> {
        self.expr(e).map(Box::new)
    }

    fn expr(&mut self, e: &PExpr) -> Result<Expr, CompileError> {
        use go_parser::ast::Node;
        let span = self.span(e.pos(self.objs));
        let kind = match e {
            PExpr::Bad(_) => return Err(unsupported(span, "this expression is")),
            PExpr::Ident(k) => ExprKind::Ident(self.ident(*k).0),
            PExpr::Ellipsis(el) => ExprKind::Ellipsis(self.opt(&el.elt)?),
            PExpr::BasicLit(lit) => match &lit.token {
                Token::INT(d) => match parse_int(d.as_str()) {
                    Some(v) => ExprKind::Int(v),
                    None => return Err(unsupported(span, "this integer literal is")),
                },
                Token::FLOAT(d) => match super::float::parse(&d.as_str().replace('_', "")) {
                    Some(v) => ExprKind::Float(v),
                    None => return Err(unsupported(span, "this float literal is")),
                },
                Token::CHAR(d) => ExprKind::Char(*d.as_str_char().1 as i64),
                Token::STRING(d) => ExprKind::Str(Rc::from(d.as_str_str().1.as_str())),
                _ => return Err(unsupported(span, "complex numbers are")),
            },
            PExpr::FuncLit(f) => ExprKind::FuncLit(Rc::new(FuncDef {
                span,
                name: Rc::from("func"),
                recv: None,
                sig: Rc::new(self.sig(f.typ)?),
                body: self.block(&f.body.list)?,
                end: self.span(f.body.r_brace),
            })),
            PExpr::CompositeLit(c) => {
                let ty = self.opt(&c.typ)?;
                let mut elts = Vec::new();
                for el in &c.elts {
                    if let PExpr::KeyValue(kv) = el {
                        elts.push((Some(self.expr(&kv.key)?), self.expr(&kv.val)?));
                    } else {
                        elts.push((None, self.expr(el)?));
                    }
                }
                ExprKind::Composite(ty, elts)
            }
            // The tree drops parentheses; Go's errors quote them, and
            // place an operand written in them at its `(`.
            PExpr::Paren(p) => {
                let mut inner = self.expr(&p.expr)?;
                inner.written.parens = inner.written.parens.saturating_add(1);
                inner.written.open = span;
                return Ok(inner);
            }
            // At the selected name, where Go's errors about it point (the
            // expression's start is its operand's: `Expr::start`).
            PExpr::Selector(s) => {
                let (name, at) = self.ident(s.sel);
                return Ok(Expr {
                    span: at,
                    kind: ExprKind::Selector(self.b(&s.expr)?, name),
                    written: Written::default(),
                });
            }
            PExpr::Index(i) => ExprKind::Index(self.b(&i.expr)?, self.b(&i.index)?),
            PExpr::Slice(s) => ExprKind::Slice(
                self.b(&s.expr)?,
                self.opt(&s.low)?,
                self.opt(&s.high)?,
                self.opt(&s.max)?,
            ),
            PExpr::TypeAssert(t) => ExprKind::TypeAssert(self.b(&t.expr)?, self.opt(&t.typ)?),
            PExpr::Call(c) => ExprKind::Call(self.b(&c.func)?, self.exprs(&c.args)?, c.ellipsis.is_some()),
            PExpr::Star(s) => ExprKind::Star(self.b(&s.expr)?),
            PExpr::Unary(u) => {
                let op = match u.op {
                    Token::NOT => Op::Not,
                    Token::SUB => Op::Neg,
                    Token::ADD => Op::Plus,
                    Token::XOR => Op::BitNot,
                    Token::ARROW => Op::Recv,
                    Token::AND => Op::Addr,
                    _ => return Err(unsupported(span, "this operator is")),
                };
                ExprKind::Unary(op, self.b(&u.expr)?)
            }
            PExpr::Binary(bin) => {
                let op = match bin.op {
                    Token::ADD => Op::Add,
                    Token::SUB => Op::Sub,
                    Token::MUL => Op::Mul,
                    Token::QUO => Op::Div,
                    Token::REM => Op::Rem,
                    Token::AND => Op::And,
                    Token::OR => Op::Or,
                    Token::XOR => Op::Xor,
                    Token::SHL => Op::Shl,
                    Token::SHR => Op::Shr,
                    Token::AND_NOT => Op::AndNot,
                    Token::LAND => Op::LAnd,
                    Token::LOR => Op::LOr,
                    Token::EQL => Op::Eq,
                    Token::NEQ => Op::Ne,
                    Token::LSS => Op::Lt,
                    Token::LEQ => Op::Le,
                    Token::GTR => Op::Gt,
                    Token::GEQ => Op::Ge,
                    _ => return Err(unsupported(span, "this operator is")),
                };
                let span = self.span(bin.op_pos);
                return Ok(Expr {
                    span,
                    kind: ExprKind::Binary(op, self.b(&bin.expr_a)?, self.b(&bin.expr_b)?),
                    written: Written::default(),
                });
            }
            PExpr::KeyValue(kv) => ExprKind::KeyValue(self.b(&kv.key)?, self.b(&kv.val)?),
            PExpr::Array(a) => match &a.len {
                None => ExprKind::SliceType(self.b(&a.elt)?),
                Some(len) => ExprKind::ArrayType(Some(self.b(len)?), self.b(&a.elt)?),
            },
            PExpr::Struct(s) => {
                let mut fields = Vec::new();
                for key in &s.fields.list {
                    let f = &self.objs.fields[*key];
                    let fspan = self.span(key.pos(self.objs));
                    if f.names.is_empty() {
                        fields.push(FieldDecl {
                            span: fspan,
                            name: None,
                            ty: self.expr(&f.typ)?,
                        });
                    }
                    for n in &f.names {
                        fields.push(FieldDecl {
                            span: fspan,
                            name: Some(self.ident(*n).0),
                            ty: self.expr(&f.typ)?,
                        });
                    }
                }
                ExprKind::StructType(fields)
            }
            PExpr::Func(key) => ExprKind::FuncType(Rc::new(self.sig(*key)?)),
            PExpr::Interface(i) => {
                let mut names = Vec::new();
                let mut embedded = Vec::new();
                for key in &i.methods.list {
                    let f = &self.objs.fields[*key];
                    if f.names.is_empty() {
                        // An embedded interface: its methods are this one's.
                        embedded.push(self.expr(&f.typ)?);
                        continue;
                    }
                    for n in &f.names {
                        names.push(self.ident(*n).0);
                    }
                }
                ExprKind::InterfaceType(names, embedded)
            }
            PExpr::Map(m) => ExprKind::MapType(self.b(&m.key)?, self.b(&m.val)?),
            PExpr::Chan(c) => ExprKind::ChanType(
                match c.dir {
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                    ast::ChanDir::SendRecv => ChanDir::Both,
                },
                self.b(&c.val)?,
            ),
        };
        // A literal keeps its text for Go's errors, which quote `0x10` and
        // `1.50` as written.
        let text = match e {
            PExpr::BasicLit(lit) => match &lit.token {
                Token::INT(d) | Token::FLOAT(d) | Token::CHAR(d) | Token::STRING(d) => {
                    Some(Rc::from(d.as_str().as_str()))
                }
                _ => None,
            },
            _ => None,
        };
        Ok(Expr {
            span,
            kind,
            written: Written {
                text,
                ..Written::default()
            },
        })
    }
}

fn parse_int(lit: &str) -> Option<i64> {
    let s = lit.replace('_', "");
    let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (h.to_string(), 16)
    } else if let Some(b) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (b.to_string(), 2)
    } else if let Some(o) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (o.to_string(), 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    u64::from_str_radix(&digits, radix)
        .ok()
        .and_then(|v| i64::try_from(v).ok())
}

/// Bounds what the parser and the later passes recurse on, and finds what
/// the parser (Go 1.12's grammar) would misreport: generics.
fn prescan(src: &str) -> Result<(), CompileError> {
    if src.len() > MAX_SOURCE {
        return Err(CompileError {
            span: Span { line: 1, col: 1 },
            message: format!(
                "source is {} bytes; at most {MAX_SOURCE} are supported here",
                src.len()
            ),
        });
    }
    let bytes = src.as_bytes();
    let (mut line, mut col) = (1u32, 1u32);
    let mut stack: Vec<u8> = Vec::new();
    let mut ops = 0usize;
    let mut i = 0;
    // The last three significant tokens, to spot `func Name[` and `type Name[T any]`.
    let mut recent: Vec<String> = Vec::new();
    let at = |line, col| Span { line, col };
    let push = |recent: &mut Vec<String>, t: String| {
        recent.push(t);
        if recent.len() > 4 {
            recent.remove(0);
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        let start = (line, col);
        let advance = |i: &mut usize, line: &mut u32, col: &mut u32| {
            if bytes[*i] == b'\n' {
                *line += 1;
                *col = 1;
            } else if bytes[*i] & 0xC0 != 0x80 {
                *col += 1;
            }
            *i += 1;
        };
        match c {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    advance(&mut i, &mut line, &mut col);
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                advance(&mut i, &mut line, &mut col);
                advance(&mut i, &mut line, &mut col);
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    advance(&mut i, &mut line, &mut col);
                }
                if i < bytes.len() {
                    advance(&mut i, &mut line, &mut col);
                    advance(&mut i, &mut line, &mut col);
                }
                continue;
            }
            b'"' | b'\'' | b'`' => {
                // Strings and runes are checked here as Go's scanner checks
                // them, so the parser never has to resynchronise after a
                // bad one (where it could start a rune at a stray quote).
                let quote = c;
                advance(&mut i, &mut line, &mut col);
                let what = match quote {
                    b'\'' => "rune",
                    _ => "string",
                };
                let mut n = 0;
                loop {
                    if i >= bytes.len() || (quote != b'`' && bytes[i] == b'\n') {
                        return Err(CompileError {
                            span: at(start.0, start.1),
                            message: format!("{what} literal not terminated"),
                        });
                    }
                    if bytes[i] == quote {
                        advance(&mut i, &mut line, &mut col);
                        break;
                    }
                    if quote != b'`' && bytes[i] == b'\\' {
                        let esc = (line, col);
                        advance(&mut i, &mut line, &mut col);
                        let digits = match bytes.get(i) {
                            Some(b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\') => 0,
                            Some(&q) if q == quote => 0,
                            Some(b'0'..=b'7') => 2,
                            Some(b'x') => 2,
                            Some(b'u') => 4,
                            Some(b'U') => 8,
                            _ => {
                                return Err(CompileError {
                                    span: at(esc.0, esc.1),
                                    message: "unknown escape sequence".into(),
                                })
                            }
                        };
                        let octal = matches!(bytes.get(i), Some(b'0'..=b'7'));
                        advance(&mut i, &mut line, &mut col);
                        for _ in 0..digits {
                            let ok = match bytes.get(i) {
                                Some(d) if octal => (b'0'..=b'7').contains(d),
                                Some(d) => d.is_ascii_hexdigit(),
                                None => false,
                            };
                            if !ok {
                                return Err(CompileError {
                                    span: at(esc.0, esc.1),
                                    message: "invalid escape sequence".into(),
                                });
                            }
                            advance(&mut i, &mut line, &mut col);
                        }
                        n += 1;
                        continue;
                    }
                    // Count characters, not the bytes of one.
                    if bytes[i] & 0xC0 != 0x80 {
                        n += 1;
                    }
                    advance(&mut i, &mut line, &mut col);
                }
                if quote == b'\'' && n != 1 {
                    return Err(CompileError {
                        span: at(start.0, start.1),
                        message: if n == 0 {
                            "empty rune literal or unescaped ' in rune literal".into()
                        } else {
                            "more than one character in rune literal".into()
                        },
                    });
                }
                push(&mut recent, "lit".into());
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push(c);
                if stack.len() > MAX_NESTING {
                    return Err(CompileError {
                        span: at(line, col),
                        message: format!("nesting deeper than {MAX_NESTING} levels is not supported here"),
                    });
                }
                if c == b'[' && recent.len() >= 2 {
                    let n = recent.len();
                    let is_ident = |s: &str| s.starts_with(|ch: char| ch.is_alphabetic() || ch == '_');
                    if recent[n - 2] == "func" && is_ident(&recent[n - 1]) {
                        return Err(unsupported(at(line, col), "generics are"));
                    }
                    if recent[n - 2] == "type" && is_ident(&recent[n - 1]) {
                        // `type A [N]T` is an array; `type A[T any]` is generic.
                        let rest = &src[i + 1..];
                        let mut words = rest
                            .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                            .filter(|w| !w.is_empty());
                        let first_end = rest
                            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == ' '))
                            .unwrap_or(rest.len());
                        if words.next().is_some() && rest[..first_end].trim().contains(' ') {
                            return Err(unsupported(at(line, col), "generics are"));
                        }
                    }
                }
                push(&mut recent, (c as char).to_string());
                ops += 1;
            }
            b')' | b']' | b'}' => {
                stack.pop();
                if c == b'}' {
                    ops = 0;
                }
                push(&mut recent, (c as char).to_string());
            }
            b';' | b'\n' if matches!(stack.last(), None | Some(b'{')) => ops = 0,
            b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'<' | b'>' | b'!' | b'=' | b'.' => {
                ops += 1;
                push(&mut recent, (c as char).to_string());
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let s = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    advance(&mut i, &mut line, &mut col);
                }
                let word = &src[s..i];
                if matches!(word, "func" | "chan" | "map" | "struct" | "interface") {
                    ops += 1;
                }
                push(&mut recent, word.to_string());
                if ops > MAX_OPERATORS {
                    return Err(CompileError {
                        span: at(start.0, start.1),
                        message: format!(
                            "more than {MAX_OPERATORS} operators in one statement is not supported here"
                        ),
                    });
                }
                continue;
            }
            _ => {}
        }
        if ops > MAX_OPERATORS {
            return Err(CompileError {
                span: at(start.0, start.1),
                message: format!(
                    "more than {MAX_OPERATORS} operators in one statement is not supported here"
                ),
            });
        }
        advance(&mut i, &mut line, &mut col);
    }
    Ok(())
}
