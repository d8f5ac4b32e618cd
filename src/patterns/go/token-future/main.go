// token-future: callers ask the refresher for the token by message, and get
// a future (a channel) of the answer.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

const (
	ttl       = 1000 * time.Millisecond
	refreshIn = 200 * time.Millisecond
)

var ErrShutdown = errors.New("token cache shut down")

type Response struct {
	Token string
	Err   error
}

// A request message; storing the caller's context in it is fine.
type Request struct {
	ctx   context.Context
	reply chan Response
}

type TokenCache struct {
	mu       sync.Mutex
	closed   bool
	requests chan Request
}

func (c *TokenCache) Start(done <-chan struct{}) {
	var token string
	var expires time.Time
	n := 0
	refresh := time.After(0)
	for {
		select {
		case <-done:
			c.shutdown()
			return
		case <-refresh:
			n++
			time.Sleep(refreshIn) // requests queue meanwhile
			token, expires = fmt.Sprintf("tok-%d", n), time.Now().Add(ttl)
			refresh = time.After(ttl - refreshIn)
		case req := <-c.requests:
			if req.ctx.Err() != nil {
				continue // the caller gave up
			}
			if time.Now().Before(expires) {
				req.reply <- Response{Token: token} // capacity 1: never blocks
			} else {
				req.reply <- Response{Err: errors.New("no valid token: refresh failing")}
			}
		}
	}
}

func (c *TokenCache) shutdown() {
	c.mu.Lock()
	c.closed = true
	close(c.requests)
	c.mu.Unlock()
	for req := range c.requests {
		req.reply <- Response{Err: ErrShutdown}
	}
}

// GetToken returns a future of the token.
func (c *TokenCache) GetToken(ctx context.Context) <-chan Response {
	reply := make(chan Response, 1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		reply <- Response{Err: ErrShutdown}
		return reply
	}
	select {
	case c.requests <- Request{ctx: ctx, reply: reply}:
	case <-ctx.Done():
		reply <- Response{Err: ctx.Err()}
	}
	return reply
}

func main() {
	cache := &TokenCache{requests: make(chan Request, 3)}
	done, quit := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	go cache.Start(done)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			wait := 300 * time.Millisecond * time.Duration(i+1) / 4
			for {
				select {
				case <-quit:
					return
				case <-time.After(wait):
				}
				wait = 300 * time.Millisecond
				ctx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
				select {
				case r := <-cache.GetToken(ctx):
					if r.Err != nil {
						fmt.Printf("caller %d: error: %v\n", i, r.Err)
					} else {
						fmt.Printf("caller %d: %s\n", i, r.Token)
					}
				case <-ctx.Done():
					fmt.Printf("caller %d: error: %v\n", i, ctx.Err())
				}
				cancel()
			}
		}(i)
	}
	time.Sleep(4 * time.Second)
	close(done)
	time.Sleep(1 * time.Second)
	close(quit)
	wg.Wait()
	fmt.Println("main: all goroutines finished")
}
