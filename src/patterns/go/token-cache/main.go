// token-cache: a long-running refresher keeps a token fresh behind a mutex.
package main

import (
	"errors"
	"fmt"
	"log"
	"sync"
	"time"
)

const (
	ttl       = 1000 * time.Millisecond
	refreshIn = 200 * time.Millisecond
	tolerance = 3
)

type TokenCache struct {
	mu      sync.Mutex
	token   string
	expires time.Time
	stopped bool
	n       int
	failOn  map[int]bool
}

// Start refreshes the token until done is closed, recovering from panics in
// refresh; after `tolerance` failures in a row it shuts down gracefully.
func (c *TokenCache) Start(done <-chan struct{}) error {
	failures := 0
	for {
		if err := c.refreshSafely(); err != nil {
			failures++
			log.Printf("recovered: %v", err)
			if failures >= tolerance {
				c.stop()
				return fmt.Errorf("refresh failed %d times in a row", failures)
			}
			continue
		}
		failures = 0
		select {
		case <-done:
			c.stop()
			return nil
		case <-time.After(ttl - refreshIn):
		}
	}
}

func (c *TokenCache) refreshSafely() (err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	c.n++
	time.Sleep(refreshIn) // the call to the token endpoint
	if c.failOn[c.n] {
		panic(fmt.Sprintf("panic in refresh %d: token endpoint unavailable", c.n))
	}
	c.token = fmt.Sprintf("tok-%d", c.n)
	c.expires = time.Now().Add(ttl)
	return nil
}

func (c *TokenCache) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
}

func (c *TokenCache) GetToken() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.stopped:
		return "", errors.New("token cache stopped")
	case c.token == "" || !time.Now().Before(c.expires):
		return "", errors.New("no valid token: refresh failing")
	}
	return c.token, nil
}

func main() {
	cache := &TokenCache{failOn: map[int]bool{}}
	done := make(chan struct{})
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := cache.Start(done); err != nil {
			errc <- err
		}
	}()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			wait := 300 * time.Millisecond * time.Duration(i+1) / 4
			for {
				select {
				case <-done:
					return
				case <-time.After(wait):
				}
				wait = 300 * time.Millisecond
				token, err := cache.GetToken()
				if err != nil {
					fmt.Printf("caller %d: error: %v\n", i, err)
					if err.Error() == "token cache stopped" {
						return
					}
					continue
				}
				fmt.Printf("caller %d: %s\n", i, token)
			}
		}(i)
	}
	select {
	case <-time.After(5 * time.Second):
	case err := <-errc:
		fmt.Println("main: shutting down:", err)
	}
	close(done)
	wg.Wait()
	fmt.Println("main: all goroutines finished")
}
